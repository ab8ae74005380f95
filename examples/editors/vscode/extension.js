// A minimal VS Code extension that starts `followup-lint lsp` for drafts.
// Build: `npm install` in this folder, then `npx @vscode/vsce package` and install the .vsix
// (or open the folder in VS Code and press F5 to try it in an Extension Development Host).
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("followup-lint");
  const serverOptions = {
    command: settings.get("path") || "followup-lint",
    args: ["lsp"],
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
    initializationOptions: settings,
  };
  client = new LanguageClient("followup-lint", "followup-lint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
