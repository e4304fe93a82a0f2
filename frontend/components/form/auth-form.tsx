/** The frame of every auth and account form: its fields, then the error or success line, then the submit button. */
import type { FormEvent, ReactNode } from "react";
import { FormFeedback } from "./form-feedback";
import type { useAuthForm } from "@/components/auth/use-auth-form";

type AuthFormProps = {
  form: ReturnType<typeof useAuthForm>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submit: string;
  busy: string;
  danger?: boolean;
  children: ReactNode;
};

export function AuthForm({ form, onSubmit, submit, busy, danger = false, children }: AuthFormProps) {
  return (
    // noValidate: the forms check their fields themselves and say what is wrong in words, next to the field.
    // method="post": sent before the script has loaded, the fields go in the body of a request the page
    // merely answers by rendering again, never into the URL, the history or an access log.
    <form method="post" onSubmit={onSubmit} noValidate aria-describedby={form.error ? form.feedbackId : undefined}>
      {children}
      <FormFeedback id={form.feedbackId} error={form.error} success={form.success} />
      <button type="submit" className={danger ? "danger-solid" : "primary"} disabled={form.busy}>
        {form.busy ? busy : submit}
      </button>
    </form>
  );
}
