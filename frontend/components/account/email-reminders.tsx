"use client";
/** The account page's switch for reminder emails, which arrive even when no browser is open. */
import { useState } from "react";
import { useApi } from "@/components/providers/app-providers";
import { useQuery, useQueryStore } from "@/lib/client/queries";
import type { ApiClient } from "@/lib/api";
import { AccountSection } from "./account-section";

type Settings = Awaited<ReturnType<ApiClient["reminders"]["settings"]>>;
const KEY = "reminder-settings";

export function EmailReminders() {
  const api = useApi();
  const store = useQueryStore<Settings>();
  const settings = useQuery(store, KEY, () => api.reminders.settings());
  // The choice being saved, shown until the API has it; and why the last save failed.
  const [saving, setSaving] = useState<boolean | null>(null);
  const [saveError, setSaveError] = useState<Error | null>(null);
  const on = saving ?? settings.data?.email_reminders;
  const error = saveError ?? (settings.error instanceof Error ? settings.error : null);

  async function save(value: boolean) {
    setSaving(value);
    setSaveError(null);
    try {
      store.put(KEY, await api.reminders.save(value));
    } catch (failure) {
      setSaveError(failure instanceof Error ? failure : new Error("Couldn't save the setting."));
    } finally {
      setSaving(null);
    }
  }

  return (
    <AccountSection
      id="reminders"
      title="Reminders"
      intro="A reminder is emailed to your address at its time, unless this tab or another one showed it first."
    >
      <label className="check">
        <input
          type="checkbox"
          role="switch"
          checked={on ?? false}
          disabled={on === undefined || saving !== null}
          onChange={(event) => void save(event.currentTarget.checked)}
        />{" "}
        Email me my reminders
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
    </AccountSection>
  );
}
