// Shared by run.mjs and screenshots.mjs: starts the real chatda app on a random port over a fresh data
// directory (the demo corpus plus one hostile page) and launches Debian's chromium.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const launcher = join(here, '..', 'chatda');

/** The title a hostile crawled page carries; it must show as text and run nothing. */
export const HOSTILE_TITLE = '<script>alert(1)</script><img src=x onerror=alert(2)> 적대적 제목';

const HOSTILE_PAGE = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<title>${HOSTILE_TITLE}</title></head>
<body><h1 onclick="alert(5)">hostile page</h1>
<p>이 문서의 제목에는 스크립트와 이미지 태그가 들어 있습니다. xsscanary marker text.</p>
<script>alert(3)</script>
<p onmouseover="alert(4)">본문에도 <a href="javascript:alert(6)" id="jslink">자바스크립트 링크</a>,
<a href="data:text/html,<script>alert(7)</script>">data 링크</a>,
<img src=x onerror="alert(8)"><svg onload="alert(9)"></svg><iframe src="javascript:alert(10)"></iframe>
<form action="javascript:alert(11)"><button>보내기</button></form> 가 들어 있습니다.</p>
</body></html>
`;

/** A Markdown file of two top-level sections: each becomes a document addressed notes.md#section. */
const NOTES = `# 첫째 구역

첫째 구역의 본문입니다. ${'채우는 문장입니다. '.repeat(80)}

# 둘째 구역 zebrasection

둘째 구역에만 있는 낱말 zebrasection 이 여기 있습니다.
`;

/** Starts `chatda demo --port 0` over a temporary data directory; resolves to { base, stop }. */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'chatda-web-'));
  const data = join(dir, 'data');
  const page = join(dir, 'hostile.html');
  writeFileSync(page, HOSTILE_PAGE);
  const notes = join(dir, 'notes.md');
  writeFileSync(notes, NOTES);
  execFileSync(launcher, ['import', page, notes, '--data', data], { stdio: ['ignore', 'ignore', 'inherit'] });

  const child = spawn(launcher, ['demo', '--port', '0', '--data', data], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the launcher and the JVM together
  });
  let output = '';
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('chatda did not start within 180 s:\n' + output)), 180_000);
    const onData = (chunk) => {
      output += chunk;
      const m = /chatda is serving (\d+) documents on (http:\/\/localhost:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[2]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chatda exited with ${code} before serving:\n${output}`));
    });
  });
  child.removeAllListeners('exit');

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      try { process.kill(-child.pid, 'SIGTERM'); } catch (e) { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { /* gone */ } }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return { base, stop };
}

/** Debian's chromium, headless, with a fresh profile and nothing talking to the network on its own. */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
    ],
  });
}
