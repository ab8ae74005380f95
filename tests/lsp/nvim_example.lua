-- Loads examples/editors/neovim/init.lua as a user would, opens $FL_DRAFT as a mail buffer,
-- and writes the diagnostics Neovim received to $FL_OUT (for tests/lsp/test_neovim.py).
vim.cmd("luafile " .. vim.fn.fnameescape(vim.env.FL_EXAMPLE))
vim.cmd("edit " .. vim.fn.fnameescape(vim.env.FL_DRAFT))
vim.bo.filetype = "mail"
local ok = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local codes = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(codes, { code = ((d.user_data or {}).lsp or {}).code, lnum = d.lnum, col = d.col })
end
local f = assert(io.open(vim.env.FL_OUT, "w"))
f:write(vim.fn.json_encode({ waited = ok, diagnostics = codes }))
f:close()
vim.cmd("qall!")
