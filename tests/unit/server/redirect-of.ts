/** Where a server action redirected: Next's redirect is a throw whose digest names the URL. */
export async function redirectOf(answer: Promise<unknown>): Promise<string> {
  const thrown = await answer.then(
    () => null,
    (error: unknown) => error as { digest?: string },
  );
  const match = /^NEXT_REDIRECT;\w+;([^;]+);/.exec(thrown?.digest ?? "");
  if (!match) throw new Error(`expected a redirect, got ${JSON.stringify(thrown)}`);
  return match[1];
}
