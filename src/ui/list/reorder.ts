/**
 * Pure list moves for the custom order. Favourites are pinned above the rest, so an account only moves within
 * its own block: a favourite cannot be dragged below a non-favourite, or the reverse.
 */
export function blockBounds<Id extends string>(
  ids: readonly Id[],
  isFavorite: (id: Id) => boolean,
  index: number,
): [number, number] {
  const fav = isFavorite(ids[index]!);
  let start = index;
  while (start > 0 && isFavorite(ids[start - 1]!) === fav) start--;
  let end = index;
  while (end < ids.length - 1 && isFavorite(ids[end + 1]!) === fav) end++;
  return [start, end];
}

/** Moves ids[from] to position `to` (clamped to its block); returns the same array when nothing moves. */
export function moveWithinBlock<Id extends string>(
  ids: readonly Id[],
  isFavorite: (id: Id) => boolean,
  from: number,
  to: number,
): readonly Id[] {
  if (from < 0 || from >= ids.length) return ids;
  const [start, end] = blockBounds(ids, isFavorite, from);
  const target = Math.min(end, Math.max(start, to));
  if (target === from) return ids;
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved!);
  return next;
}

/** Keeps the order the user is arranging while accounts appear or vanish (another tab): new ones go last. */
export function reconcile<Id extends string>(ids: readonly Id[], present: readonly Id[]): readonly Id[] {
  const exists = new Set(present);
  const kept = ids.filter((id) => exists.has(id));
  const known = new Set(kept);
  const added = present.filter((id) => !known.has(id));
  return kept.length === ids.length && added.length === 0 ? ids : [...kept, ...added];
}
