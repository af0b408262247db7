/** What the icon specs share: a hostile SVG, a picture made in the page, and the Change icon screen's steps. */
import { expect, type Page } from '../support/fixtures';
import { accountItem } from '../support/app';
import { list, openMenuItem } from '../accounts-support/helpers';
export const HOSTILE_SVG =
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "https://evil.example/entity">]>' +
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24" ' +
  'onload="top.pwned=1"><script>top.pwned=2</script><style>@import url(https://evil.example/s.css);</style>' +
  '<image xlink:href="https://evil.example/i.png" width="24" height="24"/>' +
  '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/f"/></foreignObject>' +
  '<a href="javascript:top.pwned=3"><path d="M0 0h24v24H0z" fill="url(https://evil.example/p#g)"/></a>' +
  '<circle cx="12" cy="12" r="8" fill="#c00" onclick="top.pwned=4" style="fill:url(https://evil.example/c)"/>' +
  '<set attributeName="fill" to="url(https://evil.example/a)"/></svg>';

export const icon = (page: Page, row: string) => accountItem(page, row).locator('[data-icon]');

/** A picture the browser draws itself (a PNG of width × height, opaque colour blocks), as the bytes of a file. */
export async function pngOf(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [w!, h!];
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#1d4ed8';
      context.fillRect(0, 0, w!, h!);
      context.fillStyle = '#f59e0b';
      context.fillRect(w! / 4, h! / 4, w! / 2, h! / 2);
      return canvas.toDataURL('image/png');
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

export async function openChangeIcon(page: Page, row: string) {
  await openMenuItem(page, row, 'Edit');
  await expect(page.getByRole('heading', { name: 'Edit account' })).toBeVisible();
  await page.getByRole('button', { name: 'Change icon' }).click();
  await expect(page.getByRole('group', { name: 'Choose an icon' })).toBeVisible();
}

export async function saveEdit(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(list(page)).toBeVisible();
}

/** The Base64 of the image an account's row shows. */
export async function shownImage(page: Page, row: string): Promise<{ mime: string; base64: string }> {
  const src = (await icon(page, row).locator('img').getAttribute('src')) ?? '';
  const [, mime = '', base64 = ''] = /^data:([^;]+);base64,(.*)$/.exec(src) ?? [];
  return { mime, base64 };
}
