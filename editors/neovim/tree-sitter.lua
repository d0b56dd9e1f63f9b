-- Tree-sitter highlighting, folding and text objects for contracts in Neovim (see TREE-SITTER.md).
--
-- Usage, from init.lua:
--   require("clauselint_treesitter").setup({ grammar = "/path/to/clauselint/grammars/tree-sitter-contract" })
-- after copying this file to ~/.config/nvim/lua/clauselint_treesitter.lua, then
--   :TSInstall contract
-- Works with nvim-treesitter's `master` branch (parser configs) and its `main` branch (TSUpdate hook).

local M = {}

local function install_info(grammar)
  return {
    -- Build from the committed generated parser: no tree-sitter CLI or Node needed.
    url = grammar, -- master branch
    path = grammar, -- main branch
    files = { "src/parser.c", "src/scanner.c" },
    generate_requires_npm = false,
    requires_generate_from_grammar = false,
    queries = "queries",
  }
end

-- Copies the grammar's queries to <config>/queries/contract, where Neovim looks for them.
function M.copy_queries(grammar)
  local target = vim.fn.stdpath("config") .. "/queries/contract"
  vim.fn.mkdir(target, "p")
  for _, name in ipairs({ "highlights.scm", "folds.scm", "textobjects.scm" }) do
    local source = grammar .. "/queries/" .. name
    if vim.fn.filereadable(source) == 1 then
      vim.fn.writefile(vim.fn.readfile(source), target .. "/" .. name)
    end
  end
end

function M.setup(opts)
  opts = opts or {}
  local grammar = opts.grammar
  if not grammar or vim.fn.isdirectory(grammar) == 0 then
    vim.notify("clauselint: set `grammar` to grammars/tree-sitter-contract in your checkout", vim.log.levels.ERROR)
    return
  end
  grammar = vim.fn.fnamemodify(grammar, ":p"):gsub("/$", "")

  -- Plain-text contracts: *.contract, *.contract.txt, and .txt files under a contracts/ folder.
  vim.filetype.add({
    extension = { contract = "contract" },
    pattern = {
      [".*%.contract%.txt"] = "contract",
      [".*/contracts/.*%.txt"] = "contract",
    },
  })
  vim.treesitter.language.register("contract", { "contract" })

  local ok, parsers = pcall(require, "nvim-treesitter.parsers")
  if ok and type(parsers.get_parser_configs) == "function" then
    -- nvim-treesitter master
    parsers.get_parser_configs().contract = { install_info = install_info(grammar), filetype = "contract" }
  else
    -- nvim-treesitter main: parsers are registered on every TSUpdate.
    vim.api.nvim_create_autocmd("User", {
      pattern = "TSUpdate",
      callback = function()
        require("nvim-treesitter.parsers").contract = { install_info = install_info(grammar) }
      end,
    })
  end

  if opts.copy_queries ~= false then
    M.copy_queries(grammar)
  end

  vim.api.nvim_create_autocmd("FileType", {
    pattern = "contract",
    callback = function(args)
      if pcall(vim.treesitter.start, args.buf, "contract") then
        vim.wo.foldmethod = "expr"
        vim.wo.foldexpr = "v:lua.vim.treesitter.foldexpr()"
        vim.wo.foldlevel = 99
      end
    end,
  })
end

return M
