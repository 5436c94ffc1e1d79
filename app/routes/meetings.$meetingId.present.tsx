import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SlideControls } from "~/components/meetings/slide-controls";
import { meetingSlides, type PresentedMeeting } from "~/components/meetings/slides";
import { requirePrincipal } from "~/domain/auth/session.server";
import { figureTexts, meetingView } from "~/domain/meetings/meeting-view.server";
import { todayIn } from "~/domain/periods/quarter";
import { database } from "~/db.server";
import { env } from "~/env.server";
import { localeOf } from "~/i18n/locale.server";
import { useLocale } from "~/i18n/use-locale";
import { idSchema } from "~/domain/ids";

const params = z.object({ meetingId: idSchema });
// `?slide=` pages the presentation without JavaScript; past the end it shows the last slide.
const slideParam = z.coerce.number().int().min(1).catch(1);

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.meeting.title ?? ""} · Oryndau` }];

/** The meeting as full-screen slides for a projector: the same (frozen) figures as its page, in large type. */
export async function loader({ request, params: rawParams }: LoaderFunctionArgs) {
  const principal = await requirePrincipal(request);
  const parsed = params.safeParse(rawParams);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  const locale = await localeOf(request);
  const { APP_TIME_ZONE } = env();
  const view = await meetingView(
    await database(),
    principal,
    parsed.data.meetingId,
    locale,
    todayIn(APP_TIME_ZONE),
    APP_TIME_ZONE,
  );
  const year = Number(view.meeting.asOf.slice(0, 4));
  const presented: PresentedMeeting = {
    meeting: view.meeting,
    council: view.council,
    agenda: view.agenda.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      speakerName: item.speakerName,
      speakerPosition: item.speakerPosition,
      links: item.links,
      texts: item.links.map((link) => ({ key: link.key, texts: figureTexts(locale, link, year) })),
    })),
    previousDecisions: view.previousDecisions,
    decisions: view.decisions,
    territoryMap: view.territoryMap,
    year,
  };
  return { ...presented, slide: slideParam.parse(new URL(request.url).searchParams.get("slide") ?? undefined) };
}

export default function PresentPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const slides = meetingSlides(data, t, locale);
  const last = slides.length - 1;
  const [index, setIndex] = useState(Math.min(data.slide - 1, last));
  const go = useCallback(
    (next: number) => {
      const shown = Math.max(0, Math.min(last, next));
      setIndex(shown);
      // The address follows the slide, so that a reload or a shared link opens the same one.
      window.history.replaceState(window.history.state, "", `?slide=${shown + 1}`);
    },
    [last],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      if (target && target.closest("input, textarea, select")) return;
      const moves: Record<string, () => void> = {
        ArrowRight: () => go(index + 1),
        ArrowDown: () => go(index + 1),
        PageDown: () => go(index + 1),
        " ": () => go(index + 1),
        ArrowLeft: () => go(index - 1),
        ArrowUp: () => go(index - 1),
        PageUp: () => go(index - 1),
        Home: () => go(0),
        End: () => go(last),
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        move();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [go, index, last]);

  const slide = slides[index]!;
  return (
    <main aria-label={t("meetings.slides.label")} className="presentation">
      <section
        className="presentation-slide"
        data-testid="slide"
        data-slide={index + 1}
        aria-roledescription="slide"
        aria-label={slide.label}
        // A slide taller than the screen (a map on a phone) scrolls: the keyboard must reach it too.
        tabIndex={0}
      >
        {slide.body}
      </section>
      <SlideControls meetingId={data.meeting.id} index={index} total={slides.length} go={go} />
    </main>
  );
}
