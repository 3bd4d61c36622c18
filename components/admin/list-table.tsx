/** A short list's table (a handful of rows, no paging): Magento's grid look, a caption for assistive tech. */
export interface ListColumn<Row> {
  label: string;
  cell: (row: Row) => React.ReactNode;
}

const head = "border border-[#8a837f] px-3 py-2 text-left font-semibold";
const cell = "border-x border-line px-3 py-2 align-top";

export function ListTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: string;
  columns: ListColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty: string;
}) {
  return (
    <table className="mt-4 w-full border-collapse border border-line bg-white text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="bg-[#514943] text-white">
          {columns.map((column) => (
            <th key={column.label} scope="col" className={head}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-line odd:bg-[#f5f5f5]">
              {columns.map((column) => (
                <td key={column.label} className={cell}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
