/**
 * `npx tsx src/local/runSandbox.ts [port]`: the sandbox upstream on its own, e.g. for `func start`
 * (point the four *_BASE_URL settings at the printed URL and use the printed keys).
 */
import { startSandbox } from './sandbox/startSandbox.js';

const sandbox = await startSandbox({ port: Number(process.argv[2] ?? process.env.SANDBOX_PORT ?? 7072) });
console.log(`sandbox upstream (SAMPLE DATA, approximate facts) at ${sandbox.url}`);
console.log(`KAKAO_REST_API_KEY=${sandbox.kakaoKey}\nGOOGLE_MAPS_API_KEY=${sandbox.googleKey}`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
