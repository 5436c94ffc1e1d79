import { ActionIcon } from "@mantine/core";
import { Link } from "@remix-run/react";
import { IconPencil } from "@tabler/icons-react";

/** The pencil that opens a row's edit form; its label names the row for screen readers. */
export function EditLink({ to, label }: { to: string; label: string }) {
  return (
    <ActionIcon component={Link} to={to} variant="subtle" aria-label={label}>
      <IconPencil size={16} />
    </ActionIcon>
  );
}
