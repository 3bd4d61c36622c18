// Opens (creates, migrates, seeds) the database when the server starts, so a generated admin
// password is printed at start-up and the first request does not pay for migrations.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./server/db");
    await getDb();
  }
}
