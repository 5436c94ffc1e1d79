import "./zod-config";
import "@mantine/core/styles.css";
import "@mantine/dates/styles.css";
import "./styles/app.css";
import "./styles/map.css";
import { ColorSchemeScript, MantineProvider, mantineHtmlProps } from "@mantine/core";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useMemo, type ReactNode } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/error-page";
import { takeFlash } from "~/domain/editing/flash.server";
import { useNonce } from "~/http/nonce";
import { createI18n } from "~/i18n/i18n";
import { localeOf } from "~/i18n/locale.server";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { cssVariablesResolver, theme } from "~/theme";

export async function loader({ request }: LoaderFunctionArgs) {
  // A notice of what the last submit did, shown once: the cookie is cleared with this answer.
  const { flash, clear } = await takeFlash(request);
  return data({ locale: await localeOf(request), flash }, clear ? { headers: { "Set-Cookie": clear } } : undefined);
}

export const meta: MetaFunction = () => [{ title: "Oryndau" }];

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const nonce = useNonce();
  // Marks the page as interactive: a click before hydration can be lost, so browser tests wait for it.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang={locale} {...mantineHtmlProps}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>
          <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
            {children}
          </MantineProvider>
        </I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404) return <ErrorPage message={t("errors.notFound")} />;
  if (isRouteErrorResponse(error) && error.status === 403) return <ErrorPage message={t("errors.forbidden")} />;
  if (isRouteErrorResponse(error) && error.status === 503) return <ErrorPage message={t("serverErrors.unavailable")} />;
  return <ErrorPage message={t("errors.unexpected")} />;
}
