// Runs extension.js under Node with a stand-in for the `vscode` module (a real VS Code cannot
// run in CI): the executable is found on PATH or by path, a missing one gives a clear error
// message with a way to the setting, and a found one starts the language client with
// `lsp` and the user's settings.  Run: node --test test/
"use strict";

const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const Module = require("node:module");
const test = require("node:test");

const shown = [];
const started = [];
let settings = {};

const fakeVscode = {
  workspace: {
    getConfiguration: () => ({ get: (key) => settings[key] }),
    createFileSystemWatcher: (glob) => ({ glob }),
    onDidChangeConfiguration: () => ({ dispose() {} }),
  },
  window: {
    showErrorMessage: async (message, ...items) => {
      shown.push({ message, items });
      return undefined;
    },
  },
  commands: { registerCommand: () => ({ dispose() {} }), executeCommand: () => undefined },
};

class FakeClient {
  constructor(id, name, serverOptions, clientOptions) {
    started.push({ serverOptions, clientOptions });
  }
  start() {
    return Promise.resolve();
  }
  stop() {
    return Promise.resolve();
  }
}

const realLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === "vscode") return fakeVscode;
  if (request === "vscode-languageclient/node") return { LanguageClient: FakeClient, TransportKind: { stdio: 0 } };
  return realLoad.call(this, request, parent, isMain);
};

const extension = require("../extension.js");
const context = { subscriptions: [] };

function fakeExecutable() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-"));
  const exe = path.join(dir, "followup-lint");
  fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
  return { dir, exe };
}

test("a missing executable gives a clear message and starts nothing", async () => {
  shown.length = 0;
  started.length = 0;
  settings = { path: "/nonexistent/followup-lint" };
  await extension.activate(context);
  assert.strictEqual(started.length, 0);
  assert.strictEqual(shown.length, 1);
  assert.match(shown[0].message, /cannot find the executable "\/nonexistent\/followup-lint"/);
  assert.match(shown[0].message, /followup-lint\.path/);
  assert.deepStrictEqual(shown[0].items, ["Open Settings"]);
});

test("the executable is looked up on PATH and started with lsp and the settings", async () => {
  shown.length = 0;
  started.length = 0;
  const { dir, exe } = fakeExecutable();
  const oldPath = process.env.PATH;
  process.env.PATH = dir;
  try {
    settings = { path: "followup-lint", serverArgs: ["--log-level", "info"], failOn: "warning", ignore: ["emoji"] };
    await extension.activate(context);
  } finally {
    process.env.PATH = oldPath;
  }
  assert.strictEqual(shown.length, 0);
  assert.strictEqual(started.length, 1);
  const { serverOptions, clientOptions } = started[0];
  assert.strictEqual(serverOptions.command, exe);
  assert.deepStrictEqual(serverOptions.args, ["lsp", "--log-level", "info"]);
  assert.strictEqual(clientOptions.initializationOptions.failOn, "warning");
  assert.deepStrictEqual(clientOptions.initializationOptions.ignore, ["emoji"]);
  assert.strictEqual(clientOptions.synchronize.configurationSection, "followup-lint");
});

test("a full path is used as it is", () => {
  const { exe } = fakeExecutable();
  assert.strictEqual(extension.resolveExecutable(exe), exe);
  assert.strictEqual(extension.resolveExecutable(exe + "-missing"), null);
});
