-- followup-lint in Neovim's built-in LSP client (no plug-ins needed).
-- Put this in your init.lua, or `:luafile` it. Works with Neovim 0.7 and later.
--
-- Drafts are buffers of filetype "mail" (mutt, neomutt, aerc, git send-email), "text" or
-- "markdown", and *.eml files. The server must be on PATH (`pipx install .` in a checkout of followup-lint), or
-- set `cmd` to its full path.

local settings = {
  failOn = "warning",                  -- what the sendmail gate would block on; shown in hover
  -- select = { "subject", "tone" },   -- only these rules or categories
  -- ignore = { "emoji" },             -- added to your .followup-lint.toml's ignore
  -- contextFile = "followup.toml",    -- default: followup.toml beside the draft
  -- languagetoolUrl = "http://localhost:8081",
  -- debounce = 150,                   -- ms after the last keystroke
}

local function root_for(bufnr)
  local path = vim.api.nvim_buf_get_name(bufnr)
  local marker = vim.fn.findfile(".followup-lint.toml", vim.fn.fnamemodify(path, ":p:h") .. ";")
  if marker ~= "" then
    return vim.fn.fnamemodify(marker, ":p:h")
  end
  return vim.fn.fnamemodify(path, ":p:h")
end

local clients = {} -- one server per root folder

-- Useful keys: K shows the rule's explanation, <leader>a offers fixes and actions.
local function on_attach(_, bufnr)
  local opts = { buffer = bufnr }
  vim.keymap.set("n", "K", vim.lsp.buf.hover, opts)
  vim.keymap.set("n", "<leader>a", vim.lsp.buf.code_action, opts)
  vim.keymap.set("n", "]d", vim.diagnostic.goto_next, opts)
end

local function attach(args)
  local bufnr = args.buf
  local root = root_for(bufnr)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    id = vim.lsp.start_client({
      name = "followup-lint",
      cmd = { "followup-lint", "lsp" },
      root_dir = root,
      init_options = settings,
      settings = { ["followup-lint"] = settings },
      on_attach = on_attach,
    })
    clients[root] = id
  end
  if id ~= nil then
    vim.lsp.buf_attach_client(bufnr, id)
  end
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "mail", "text", "markdown" },
  callback = attach,
})
vim.api.nvim_create_autocmd({ "BufRead", "BufNewFile" }, {
  pattern = "*.eml",
  callback = attach,
})
