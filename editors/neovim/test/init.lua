-- The user's setup the test reproduces: this repository's editors/neovim on 'runtimepath' and the
-- server enabled, exactly as editors/neovim/README.md says.
local here = debug.getinfo(1, 'S').source:sub(2)
local neovim_dir = vim.fn.fnamemodify(here, ':p:h:h')
vim.opt.runtimepath:prepend(neovim_dir)
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.lsp.enable('clauselint')
