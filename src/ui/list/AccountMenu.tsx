import { useEffect, useRef, useState } from 'preact/hooks';

export interface MenuItem {
  label: string;
  run(): void;
}

/**
 * The "More actions" menu of an account row, with the keyboard behaviour of the WAI-ARIA menu button pattern:
 * opening focuses the first item, arrows move, Escape closes and gives focus back, a click elsewhere closes.
 */
export function AccountMenu({
  title,
  items,
  onOpenChange,
}: {
  title: string;
  items: readonly MenuItem[];
  onOpenChange?(open: boolean): void;
}) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    onOpenChange?.(open);
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(refocus: boolean) {
    setOpen(false);
    if (refocus) trigger.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const entries = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (e.key === 'Escape') close(true);
    else if (e.key === 'Tab') close(false);
    else if (e.key === 'ArrowDown') focus(at + 1);
    else if (e.key === 'ArrowUp') focus(at - 1);
    else if (e.key === 'Home') focus(0);
    else if (e.key === 'End') focus(-1);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  }

  return (
    <>
      <button
        ref={trigger}
        type="button"
        class="icon"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`More actions for ${title}`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">⋮</span>
      </button>
      {open && (
        <div ref={menu} class="menu" role="menu" aria-label={`Actions for ${title}`} onKeyDown={onKeyDown}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}
