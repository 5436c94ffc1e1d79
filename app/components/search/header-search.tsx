import { ActionIcon, Combobox, Loader, Text, TextInput, useCombobox } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { Form, Link, useFetcher, useNavigate } from "@remix-run/react";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { QUERY_MAX } from "~/domain/search/search-terms";
import { SEARCH_KINDS, type ShownHit } from "~/domain/search/search-kinds";
import { HitLine } from "./hit-line";

interface SearchAnswer {
  query: string;
  hits: ShownHit[];
}

/**
 * The header's search box. Without scripts it is a plain GET form to /search; with them, hits appear as
 * the user types, arrow keys move through them and Enter opens one (or the results page when none is chosen).
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fetcher = useFetcher<SearchAnswer>();
  const [value, setValue] = useState("");
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const load = useDebouncedCallback((query: string) => {
    if (query.trim().length >= 2) fetcher.load(`/search?q=${encodeURIComponent(query.trim())}`);
  }, 200);
  const hits = value.trim().length >= 2 ? (fetcher.data?.hits ?? []) : [];
  const open = (href: string) => {
    combobox.closeDropdown();
    setValue("");
    navigate(href);
  };

  return (
    <>
      {/* On a phone and where the desktop menu leaves too little room for a box, a link to the search page (app.css). */}
      <ActionIcon
        component={Link}
        to="/search"
        variant="subtle"
        size="lg"
        className="header-search-link"
        aria-label={t("search.title")}
      >
        <IconSearch size={18} />
      </ActionIcon>
      <Form method="get" action="/search" role="search" className="header-search-box">
        <Combobox store={combobox} onOptionSubmit={open} withinPortal>
          <Combobox.Target>
            <TextInput
              name="q"
              type="search"
              value={value}
              maxLength={QUERY_MAX}
              aria-label={t("search.label")}
              placeholder={t("search.placeholder")}
              autoComplete="off"
              size="sm"
              onChange={(event) => {
                setValue(event.currentTarget.value);
                load(event.currentTarget.value);
                combobox.openDropdown();
                combobox.updateSelectedOptionIndex();
              }}
              onFocus={() => combobox.openDropdown()}
              onBlur={() => combobox.closeDropdown()}
              rightSection={
                fetcher.state === "loading" ? (
                  <Loader size={14} aria-label={t("search.loading")} />
                ) : (
                  <ActionIcon type="submit" variant="subtle" aria-label={t("search.submit")}>
                    <IconSearch size={16} />
                  </ActionIcon>
                )
              }
            />
          </Combobox.Target>
          {value.trim().length >= 2 && fetcher.data && (
            <Combobox.Dropdown data-testid="search-dropdown">
              <Combobox.Options mah={420} style={{ overflowY: "auto" }}>
                {hits.length === 0 && <Combobox.Empty>{t("search.nothing")}</Combobox.Empty>}
                {SEARCH_KINDS.map((kind) => {
                  const ofKind = hits.filter((hit) => hit.kind === kind);
                  if (ofKind.length === 0) return null;
                  return (
                    <Combobox.Group key={kind} label={t(`search.kinds.${kind}`)}>
                      {ofKind.map((hit) => (
                        <Combobox.Option key={hit.key} value={hit.href}>
                          <HitLine hit={hit} />
                        </Combobox.Option>
                      ))}
                    </Combobox.Group>
                  );
                })}
              </Combobox.Options>
              {hits.length > 0 && (
                <Combobox.Footer>
                  <Text size="xs" c="dimmed">
                    {t("search.hint")}
                  </Text>
                </Combobox.Footer>
              )}
            </Combobox.Dropdown>
          )}
        </Combobox>
      </Form>
    </>
  );
}
