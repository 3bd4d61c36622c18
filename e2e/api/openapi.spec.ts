import { ADMIN, expect, test } from "./fixtures";

// The OpenAPI 3.1 document generated from the route table (issue 14): anonymous at Magento's
// schema URLs, as Magento serves its own (it holds no data), and browsable at /swagger by admins.

for (const url of ["/rest/default/schema?services=all", "/rest/schema", "/rest/all/schema?services=inventoryApiSourceRepositoryV1"]) {
  test(`GET ${url} answers the whole OpenAPI 3.1 document without a token`, async ({ request }) => {
    const answer = await request.get(url, { failOnStatusCode: false });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toContain("application/json");
    const document = await answer.json();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.paths["/V1/inventory/sources/{sourceCode}"].get["x-acl-resource"]).toBe("Magento_InventoryApi::source");
    expect(document.paths["/V1/integration/admin/token"].post.security).toEqual([]);
  });
}

test("the schema of a store code that does not exist is the 404 of any unknown route", async ({ request }) => {
  const answer = await request.get("/rest/nowhere/schema?services=all", { failOnStatusCode: false });
  expect(answer.status()).toBe(404);
  expect(await answer.json()).toEqual({ message: "Request does not match any route.", parameters: {} });
});

test("a signed-out request for /swagger is redirected to sign-in before anything is rendered", async ({ request }) => {
  const response = await request.get("/swagger", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = new URL(response.headers().location, "http://x");
  expect(location.pathname + location.search).toBe("/admin?returnTo=%2Fswagger");
  expect(await response.text()).not.toContain("Magento_InventoryApi::source");
});

test("signing in from /swagger comes back to the reference: each call with its ACL resource and schemas", async ({
  page,
  signInPage,
  baseURL,
}) => {
  await page.goto("/swagger");
  await expect(page).toHaveURL(`${baseURL}/admin?returnTo=${encodeURIComponent("/swagger")}`);
  await signInPage.signIn(ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(`${baseURL}/swagger`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Stockroom REST API");

  await page.getByRole("navigation", { name: "Calls" }).getByRole("link", { name: "Sources", exact: true }).click();
  const call = page.getByRole("article", { name: "GET /V1/inventory/sources/{sourceCode}", exact: true });
  await expect(call).toContainText("Magento_InventoryApi::source");
  await call.getByText("Answer 200 (application/json)").click();
  await expect(call.locator("details", { hasText: "Answer 200 (application/json)" }).locator("pre")).toContainText('"source_code"');

  const create = page.getByRole("article", { name: "POST /V1/inventory/sources", exact: true });
  await create.getByText("Request body (application/json)").click();
  await expect(create.locator("details", { hasText: "Request body (application/json)" }).locator("pre")).toContainText('"postcode"');
});
