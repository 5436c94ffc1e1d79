import { Group, Text } from "@mantine/core";

/** One entry of a chart's legend, drawn in HTML so that it wraps on a phone. */
export function ChartKey({
  color,
  label,
  line = false,
  dashed = false,
}: {
  color: string;
  label: string;
  line?: boolean;
  dashed?: boolean;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <span
        style={{
          display: "inline-block",
          width: 16,
          height: line ? 0 : 12,
          borderTop: line ? `3px ${dashed ? "dashed" : "solid"} ${color}` : undefined,
          background: line ? undefined : color,
          borderRadius: line ? 0 : 2,
        }}
      />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
