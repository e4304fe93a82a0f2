/** The one line under a form that says what went wrong (an alert) or what just worked (a status). */

export function FormFeedback({ id, error, success }: { id: string; error: string | null; success?: string | null }) {
  if (error) {
    return (
      <p id={id} className="form-error" role="alert">
        {error}
      </p>
    );
  }
  return (
    <p id={id} className="form-success" role="status">
      {success}
    </p>
  );
}
