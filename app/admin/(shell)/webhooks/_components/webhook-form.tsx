"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { EditPageHeader } from "@/components/admin/page-header";
import { ActionForm } from "@/components/form/action-form";
import { Field, FieldMessage } from "@/components/form/field";
import { useActionForm } from "@/components/form/use-action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { STOCK_ALERT_KINDS } from "@/lib/inventory";
import { webhookSchema, type WebhookFormInput, type WebhookValues } from "@/lib/validation/webhook";
import { deleteWebhookAction, saveWebhookAction } from "../actions";
import { SecretField } from "./secret-field";

const EVENTS_MESSAGE_ID = "events-error";

/** New / Edit Webhook (Stores > Webhooks): where stock alerts are POSTed, and which ones. */
export function WebhookForm({
  title,
  webhook,
  defaults,
  notice,
}: {
  title: string;
  /** The saved webhook; null on New Webhook (its secret is made when it is saved). */
  webhook: { id: number; secret: string } | null;
  defaults: WebhookFormInput;
  /** What the last save left to say ("You saved the webhook."). */
  notice?: React.ReactNode;
}) {
  const t = useTranslations("System");
  const submit = useActionForm<WebhookFormInput, WebhookValues>({
    resolver: zodResolver(webhookSchema),
    defaultValues: defaults,
    action: (values) => saveWebhookAction(webhook?.id ?? null, values),
  });
  return (
    <>
      <EditPageHeader
        title={title}
        backHref="/admin/webhooks"
        formId="webhook-form"
        pending={submit.pending}
        more={
          webhook && (
            <ConfirmDialog
              trigger={t("webhooks.form.delete")}
              title={t("webhooks.form.deleteTitle")}
              message={t("webhooks.form.deleteMessage", { name: defaults.name })}
              action={() => deleteWebhookAction(webhook.id)}
            />
          )
        }
      />
      <ActionForm submit={submit} notice={notice} id="webhook-form" className="mt-6 space-y-4">
        <fieldset className="space-y-4 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("webhooks.form.general")}</legend>
          <Field name="name" label={t("webhooks.form.name")} required />
          <Field
            name="url"
            label={t("webhooks.form.url")}
            required
            autoComplete="off"
            placeholder="https://example.com/hooks/stock"
            hint={t("webhooks.form.urlHint")}
          />
          <Field
            name="isActive"
            label={t("webhooks.form.active")}
            type="checkbox"
            hint={t("webhooks.form.activeHint")}
          />
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("webhooks.form.events")}</legend>
          <p className="text-sm text-muted">{t("webhooks.form.eventsIntro")}</p>
          {STOCK_ALERT_KINDS.map((kind) => (
            <Field
              key={kind}
              name={`events.${kind}`}
              label={t(`alerts.kinds.${kind}`)}
              type="checkbox"
              noteIds={[EVENTS_MESSAGE_ID]}
              // "Choose at least one" goes away as soon as one is ticked.
              onValueChange={() => {
                if (submit.form.formState.errors.events) void submit.form.trigger("events");
              }}
            />
          ))}
          <FieldMessage id={EVENTS_MESSAGE_ID} name="events" />
        </fieldset>
        <fieldset className="space-y-2 border border-line bg-white p-6">
          <legend className="px-2 text-lg font-light">{t("webhooks.form.signingSecret")}</legend>
          {webhook ? (
            <SecretField webhookId={webhook.id} secret={webhook.secret} />
          ) : (
            <p className="text-sm">{t("webhooks.form.secretLater")}</p>
          )}
        </fieldset>
      </ActionForm>
    </>
  );
}
