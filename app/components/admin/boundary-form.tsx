import { Alert, Button, Group, Input, Stack, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BoundaryError } from "~/domain/geo/boundary-upload";

export interface BoundaryStatus {
  source: "uploaded" | "bundled" | "none";
  version: number;
}

/** The upload of a GeoJSON boundary for the territory being edited; multipart, works without JavaScript. */
export function BoundaryForm({
  territoryId,
  status,
  error,
}: {
  territoryId: number;
  status: BoundaryStatus;
  error: { error: BoundaryError | "stale"; count?: number } | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" id="boundary">
      <Title order={3} size="h5">
        {t("boundary.title")}
      </Title>
      <Text size="sm" data-testid="boundary-status">
        {status.source === "uploaded"
          ? t("boundary.uploaded", { version: status.version })
          : status.source === "bundled"
            ? t("boundary.bundled")
            : t("boundary.none")}
      </Text>
      {error && (
        <Alert color="red" role="alert" data-testid="boundary-error">
          {t(`boundary.error.${error.error}`, { count: error.count ?? 0 })}
        </Alert>
      )}
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="upload-boundary" />
        <input type="hidden" name="territoryId" value={territoryId} />
        <input type="hidden" name="replaces" value={status.version} />
        <Group align="flex-end" gap="sm">
          {/* A plain file input: it works without scripts. */}
          <Input.Wrapper label={t("boundary.file")} description={t("boundary.hint")} maw={480} style={{ flex: 1 }}>
            <input
              type="file"
              name="file"
              aria-label={t("boundary.file")}
              accept=".geojson,.json,application/geo+json,application/json"
              style={{ display: "block", marginTop: 4, maxWidth: "100%" }}
            />
          </Input.Wrapper>
          <Button type="submit">{t("boundary.upload")}</Button>
        </Group>
      </Form>
    </Stack>
  );
}
