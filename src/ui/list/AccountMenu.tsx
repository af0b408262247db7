import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MoreVertical, type Icon } from '../components/icons';
import { t } from '../i18n/t';

export interface MenuItem {
  label: string;
  icon: Icon;
  run(): void;
  /** Drawn as a destructive action. */
  danger?: boolean;
}

/** Room kept between a menu and the window's edge. */
const EDGE_PX = 8;

/**
 * The "More actions" menu of an account row, with the keyboard behaviour of the WAI-ARIA menu button pattern:
 * opening focuses the first item, arrows move, Escape closes and gives focus back, a click elsewhere closes.
 * It opens below its button, or above when it would leave the window; on a phone (list.css) it is a sheet at the
 * bottom of the screen, so every item is in reach whichever row it belongs to.
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
  const [up, setUp] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const refocusOnClose = useRef(false);

  // Placed before the frame is drawn, so a menu never flashes below the fold first.
  useLayoutEffect(() => {
    // After the menu is gone: Preact runs a pending "focus the first item" effect before it removes the menu, so a
    // focus given back any earlier would be taken again and then lost with the menu.
    if (!open && refocusOnClose.current) trigger.current?.focus();
    refocusOnClose.current = false;
    const el = menu.current;
    if (!open || !el || getComputedStyle(el).position === 'fixed') return; // the phone's sheet needs no placing
    const box = el.getBoundingClientRect();
    const bar = document.querySelector('.app-bar')?.getBoundingClientRect().bottom ?? 0;
    const fitsBelow = box.bottom <= innerHeight - EDGE_PX;
    const rowTop = trigger.current?.closest('.account')?.getBoundingClientRect().top ?? box.top;
    const fitsAbove = rowTop - box.height >= bar + EDGE_PX;
    if (!fitsBelow && fitsAbove) setUp(true);
    else if (!fitsBelow) el.scrollIntoView({ block: 'nearest' });
  }, [open]);

  useEffect(() => {
    onOpenChange?.(open);
    if (!open) return setUp(false);
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !trigger.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(refocus: boolean) {
    refocusOnClose.current = refocus;
    setOpen(false);
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
        aria-label={t('menu.more', { name: title })}
        onClick={() => setOpen(!open)}
        // The focus moves into the menu after the frame is drawn; an Escape pressed before that lands here.
        onKeyDown={(e) => {
          if (open && e.key === 'Escape') {
            e.preventDefault();
            close(true);
          }
        }}
      >
        <MoreVertical size={22} aria-hidden="true" />
      </button>
      {open && (
        <>
          <div class="sheet-scrim" aria-hidden="true" />
          <div
            ref={menu}
            class={up ? 'menu up' : 'menu'}
            role="menu"
            aria-label={t('menu.actions', { name: title })}
            onKeyDown={onKeyDown}
          >
            <p class="menu-title" aria-hidden="true">
              {title}
            </p>
            {items.map(({ label, icon: Icon, run, danger }) => (
              <button
                key={label}
                type="button"
                role="menuitem"
                class={danger ? 'danger-item' : undefined}
                tabIndex={-1}
                onClick={() => {
                  close(false);
                  run();
                }}
              >
                <Icon size={20} aria-hidden="true" />
                {label}
              </button>
            ))}
          </div>
        </>
      )}
    </>
  );
}
