-- Headless Neovim (0.7 and later) as a language-server client for tests/lsp/test_neovim.py.
-- Opens the draft named by $FL_DRAFT, starts the server given as a JSON list in $FL_CMD,
-- waits for its diagnostics and writes what Neovim received to $FL_OUT as JSON, then quits.
local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local decode = (vim.json and vim.json.decode) or vim.fn.json_decode

local function finish(result)
  local f = assert(io.open(vim.env.FL_OUT, "w"))
  f:write(encode(result))
  f:close()
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FL_DRAFT))
vim.bo.filetype = "mail"

local client_id = vim.lsp.start_client({
  name = "followup-lint",
  cmd = decode(vim.env.FL_CMD),
  root_dir = vim.env.FL_ROOT,
  init_options = { failOn = "warning" },
  on_exit = function(code) vim.g.fl_exit = code end,
})
if client_id == nil then
  finish({ error = "start_client failed" })
  return
end
vim.lsp.buf_attach_client(0, client_id)

local got = vim.wait(30000, function()
  return #vim.diagnostic.get(0) >= tonumber(vim.env.FL_EXPECT)
end, 50)

local out = { waited = got, nvim = tostring(vim.version().major) .. "." .. tostring(vim.version().minor), diagnostics = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(out.diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, source = d.source, message = d.message,
    code = lsp.code or d.code,
  })
end
vim.lsp.stop_client(client_id)
finish(out)
