-- clauselint through nvim-lspconfig (Neovim 0.10, or a configuration built on lspconfig).
-- On Neovim 0.11+ prefer lsp/clauselint.lua beside this file and vim.lsp.enable('clauselint').
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.clauselint then
  configs.clauselint = {
    default_config = {
      cmd = { 'clauselint', 'lsp' },
      filetypes = { 'markdown', 'text' },
      root_dir = util.root_pattern('clauselint.toml', '.git'),
      single_file_support = true,
      init_options = { disabled = {}, minSeverity = 'info' },
      settings = { clauselint = { disabled = {}, minSeverity = 'info' } },
    },
    docs = {
      description = 'clauselint: contract review (AI-training rights, unfair terms, drafting defects).',
    },
  }
end

require('lspconfig').clauselint.setup({})
