// Starts `wenlint server` for plain text and Markdown documents; everything else (diagnostics,
// code actions, hover) comes from the server over LSP.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function settings() {
  const config = vscode.workspace.getConfiguration("wenlint");
  return {
    path: config.get("path", "wenlint"),
    crossDocument: config.get("crossDocument", false),
    debounce: config.get("debounce", 300),
  };
}

async function activate(context) {
  const { path, crossDocument, debounce } = settings();
  // Standard input and output, the default transport of an executable.
  const serverOptions = { command: path, args: ["server"] };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "plaintext" },
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: { crossDocument, debounce },
    // Sends the `wenlint` settings to the server (workspace/didChangeConfiguration) when they change.
    synchronize: { configurationSection: "wenlint" },
  };
  client = new LanguageClient("wenlint", "wenlint", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("wenlint.restart", () => client.restart()),
  );
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `wenlint: cannot start \`${path} server\` (${error.message}). Install it with pip install 'wenlint[lsp]' or set wenlint.path.`,
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
