// followup-lint for VS Code: starts `followup-lint lsp` (a language server on stdio) for plain
// text, Markdown and *.eml drafts, and passes the `followup-lint.*` settings to it. All the
// checking happens in the server; this file only finds the executable and starts it.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The settings the server reads (docs/editors.md, "Settings"). */
function serverSettings() {
  const s = vscode.workspace.getConfiguration("followup-lint");
  return {
    failOn: s.get("failOn"),
    select: s.get("select"),
    ignore: s.get("ignore"),
    contextFile: s.get("contextFile"),
    languagetoolUrl: s.get("languagetoolUrl"),
    debounce: s.get("debounce"),
  };
}

/** `command` as a full path, or null when it cannot be found (so we can say so plainly). */
function resolveExecutable(command) {
  if (command.startsWith("~")) {
    command = path.join(os.homedir(), command.slice(1));
  }
  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  if (command.includes("/") || command.includes("\\")) {
    return isFile(command) ? command : null;
  }
  const exts = process.platform === "win32" ? (process.env.PATHEXT || ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (dir && isFile(candidate)) {
        return candidate;
      }
    }
  }
  return null;
}

async function notFound(command) {
  const choice = await vscode.window.showErrorMessage(
    `followup-lint: cannot find the executable "${command}". Install followup-lint ` +
      "(from a checkout: `pipx install .`), or set followup-lint.path to its full path.",
    "Open Settings"
  );
  if (choice === "Open Settings") {
    vscode.commands.executeCommand("workbench.action.openSettings", "followup-lint.path");
  }
}

async function start(context) {
  const settings = vscode.workspace.getConfiguration("followup-lint");
  const wanted = settings.get("path") || "followup-lint";
  const command = resolveExecutable(wanted);
  if (command === null) {
    await notFound(wanted);
    return;
  }
  const serverOptions = {
    command,
    args: ["lsp", ...(settings.get("serverArgs") || [])],
    transport: TransportKind.stdio,
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "file", pattern: "**/*.eml" },
    ],
    // Sends {"followup-lint": {...}} with workspace/didChangeConfiguration on every change.
    synchronize: {
      configurationSection: "followup-lint",
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{followup.toml,.followup-lint.toml,pyproject.toml}"
      ),
    },
    initializationOptions: serverSettings(),
  };
  client = new LanguageClient("followup-lint", "followup-lint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `followup-lint: the language server (${command} lsp) did not start: ${err && err.message ? err.message : err}. ` +
        "See the followup-lint output channel for its log."
    );
  }
}

async function restart(context) {
  if (client) {
    const old = client;
    client = undefined;
    await old.stop().catch(() => undefined);
  }
  await start(context);
}

function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("followup-lint.restart", () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The executable and its arguments are read once at start: a change needs a restart.
      if (e.affectsConfiguration("followup-lint.path") || e.affectsConfiguration("followup-lint.serverArgs")) {
        restart(context);
      }
    })
  );
  return start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, resolveExecutable };
