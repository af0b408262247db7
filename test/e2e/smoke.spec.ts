import { test, expect } from './support/fixtures';

test('the app loads with no console error', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Latchkey' })).toBeVisible();
});
