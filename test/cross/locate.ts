/**
 * Runs in the page (sent as source text, so it must stay self-contained): the elements a query matches, found with
 * @testing-library/dom, which the driver has loaded into the page as `TestingLibraryDom`. Roles skip hidden elements,
 * as Playwright's getByRole does; names match case-insensitively as substrings unless exact.
 */
export type Query =
  | { kind: 'label'; label: string; exact: boolean }
  | {
      kind: 'role';
      role: string;
      name?: string;
      exact?: boolean;
      text?: string;
      within?: Omit<Extract<Query, { kind: 'role' }>, 'kind'>;
    };

interface DomLibrary {
  queryAllByRole(container: HTMLElement, role: string, options: object): HTMLElement[];
  queryAllByLabelText(container: HTMLElement, text: string, options: object): HTMLElement[];
}

export function locate(query: Query): HTMLElement[] {
  const dom = (window as unknown as { TestingLibraryDom: DomLibrary }).TestingLibraryDom;
  const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (query.kind === 'label') return dom.queryAllByLabelText(document.body, query.label, { exact: query.exact });
  const byRole = (container: HTMLElement, q: Omit<Extract<Query, { kind: 'role' }>, 'kind'>): HTMLElement[] => {
    const wanted = q.name === undefined ? undefined : normalise(q.name);
    const name =
      wanted === undefined
        ? undefined
        : (accessibleName: string) =>
            q.exact ? normalise(accessibleName) === wanted : normalise(accessibleName).includes(wanted);
    const found = dom.queryAllByRole(container, q.role, name ? { name } : {});
    const text = q.text === undefined ? undefined : normalise(q.text);
    return text === undefined ? found : found.filter((e) => normalise(e.textContent ?? '').includes(text));
  };
  const containers = query.within ? byRole(document.body, query.within) : [document.body];
  return containers.flatMap((container) => byRole(container, query));
}

/** Page-side source of `(arg) => body(find, arg)`: a function that can use `locate` although it is sent as text. */
export function withLocate(body: string): string {
  return `(arg) => (${body})((query) => (${locate.toString()})(query), arg)`;
}
