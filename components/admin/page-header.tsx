/** Page title bar: large light title, the page's primary button(s) on the right. */
export function PageHeader({ title, actions }: { title: string; actions?: React.ReactNode }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-4 border-b border-line pb-4">
      <h1 className="text-3xl font-light">{title}</h1>
      {actions && <div className="flex gap-2">{actions}</div>}
    </header>
  );
}
