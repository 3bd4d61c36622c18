"use client";

import { FormStatus } from "@/components/form/action-form";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { markAlertsReadAction, markAllAlertsReadAction } from "../actions";

type Marking = { ids: number[] } | { upToId: number };

/**
 * "Mark as Read" on a row, or "Mark All as Read" in the title bar. Sends the ids (or how far
 * "all" reaches) and the view to come back to; on success the action redirects there with its
 * message, otherwise the message shows here.
 */
export function MarkReadButton({
  marking,
  view,
  label,
  accessibleLabel,
  primary = false,
}: {
  marking: Marking;
  /** The page's query string: the same view is shown again afterwards. */
  view: string;
  label: string;
  accessibleLabel?: string;
  primary?: boolean;
}) {
  const submit = useActionForm({ action: markAlertsReadAction });
  const send = () =>
    submit.run(() => ("ids" in marking ? markAlertsReadAction({ ids: marking.ids, view }) : markAllAlertsReadAction({ upToId: marking.upToId, view })));
  return (
    <div className="space-y-2">
      <Button variant={primary ? "primary" : "secondary"} onClick={send} disabled={submit.pending} aria-label={accessibleLabel}>
        {label}
      </Button>
      <FormStatus status={submit.status} />
    </div>
  );
}
