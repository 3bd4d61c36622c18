// Stands in for the "server-only" package under vitest: its real entry throws outside a React
// Server Component build, and unit tests import server/ modules directly.
export {};
