"use client";
/** The account page's switch for reminder emails, which arrive even when no browser is open. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "@/components/providers/app-providers";
import { AccountSection } from "./account-section";

const KEY = ["reminder-settings"];

export function EmailReminders() {
  const api = useApi();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: KEY, queryFn: () => api.reminders.settings() });
  const save = useMutation({
    mutationFn: (on: boolean) => api.reminders.save(on),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
  const on = save.isPending ? save.variables : settings.data?.email_reminders;

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
          disabled={on === undefined || save.isPending}
          onChange={(event) => save.mutate(event.currentTarget.checked)}
        />{" "}
        Email me my reminders
      </label>
      {(settings.error || save.error) && (
        <p role="alert" className="form-error">
          {(save.error ?? settings.error)?.message}
        </p>
      )}
    </AccountSection>
  );
}
