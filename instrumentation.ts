// Next.js calls register() once per server process: migrate, seed the demo, start the job worker.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootOrExit } = await import('./lib/boot');
  await bootOrExit();
}
