-- clauselint's language server for Neovim 0.11+ (`:help lsp-config`).
-- With this folder on 'runtimepath' (or this file copied to ~/.config/nvim/lsp/), enable it with
--   vim.lsp.enable('clauselint')
-- and override any field with vim.lsp.config('clauselint', { ... }).
return {
  cmd = { 'clauselint', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'clauselint.toml', '.git' },
  -- The same object as `settings.clauselint`; read once at start.
  init_options = {
    -- Rule ids or whole groups ("drafting/*") to switch off.
    disabled = {},
    -- "info" shows protective-clause notes too; "warning" or "error" hides them.
    minSeverity = 'info',
  },
  -- Sent on workspace/didChangeConfiguration: change it and call
  -- `vim.lsp.get_clients({ name = 'clauselint' })[1]:notify('workspace/didChangeConfiguration', { settings = ... })`.
  settings = {
    clauselint = {
      disabled = {},
      minSeverity = 'info',
    },
  },
}
