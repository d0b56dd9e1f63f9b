-- Run by editors/neovim/test/run.sh inside `nvim --headless` after test/init.lua has loaded the
-- configuration. Prints one line per check and a closing "N passed, N failed"; exits non-zero on
-- any failure.

local passed, failed = 0, 0

local function check(ok, what, detail)
  if ok then
    passed = passed + 1
    io.stdout:write('ok: ' .. what .. '\n')
  else
    failed = failed + 1
    io.stdout:write('FAIL: ' .. what .. (detail and (' (' .. detail .. ')') or '') .. '\n')
  end
end

local function finish()
  io.stdout:write(string.format('%d passed, %d failed\n', passed, failed))
  if failed == 0 then
    vim.cmd('qall!')
  else
    vim.cmd('cquit! 1')
  end
end

local function attached_client(buf)
  local ok = vim.wait(20000, function()
    local c = vim.lsp.get_clients({ bufnr = buf, name = 'clauselint' })[1]
    return c ~= nil and c.initialized
  end, 50)
  return ok and vim.lsp.get_clients({ bufnr = buf, name = 'clauselint' })[1] or nil
end

local function with_code(buf, code)
  return vim.tbl_filter(function(d)
    return d.code == code
  end, vim.diagnostic.get(buf))
end

local ok, err = pcall(function()
  -- 1. The bundled Markdown example.
  vim.cmd.edit(vim.fn.fnameescape(os.getenv('CLAUSELINT_EXAMPLE')))
  local md = vim.api.nvim_get_current_buf()
  check(vim.bo[md].filetype == 'markdown', 'the example opens as Markdown', vim.bo[md].filetype)
  local client = attached_client(md)
  check(client ~= nil, 'the clauselint client attaches to a Markdown contract')
  if client == nil then
    return
  end
  check(client.server_info and client.server_info.name == 'clauselint', 'the server introduces itself as clauselint')
  check(vim.fs.basename(client.config.cmd[1]) == 'clauselint' and client.config.cmd[2] == 'lsp', 'it runs `clauselint lsp`')
  vim.wait(30000, function()
    return #vim.diagnostic.get(md) > 0
  end, 50)
  local diags = vim.diagnostic.get(md)
  check(#diags >= 5, 'diagnostics arrive for the example', #diags .. ' diagnostics')
  local all_ours = #diags > 0
  for _, d in ipairs(diags) do
    all_ours = all_ours and d.source == 'clauselint' and type(d.code) == 'string' and d.code:find('/') ~= nil
  end
  check(all_ours, 'each carries source clauselint and a rule id as its code')
  check(#with_code(md, 'ai-training/content-grant') > 0, 'the AI-training grant in §10.4 is flagged')

  -- 2. A plain-text contract with multi-byte characters before the flagged clause.
  local lines = {
    'ACME CLOUD — TERMS OF SERVICE',
    '',
    '1. Definitions. “Customer Content” means the files, prompts and data you upload 📄.',
    '',
    '2. Licence — § 2 applies worldwide. You agree that we may use Customer Content to train and improve our artificial intelligence and machine learning models.',
  }
  vim.fn.writefile(lines, os.getenv('CLAUSELINT_TXT'))
  vim.cmd.edit(vim.fn.fnameescape(os.getenv('CLAUSELINT_TXT')))
  local txt = vim.api.nvim_get_current_buf()
  check(vim.bo[txt].filetype == 'text', 'a .contract.txt file opens as text', vim.bo[txt].filetype)
  check(attached_client(txt) ~= nil, 'the client attaches to the plain-text contract')
  vim.wait(30000, function()
    return #with_code(txt, 'ai-training/content-grant') > 0
  end, 50)
  local grant = with_code(txt, 'ai-training/content-grant')[1]
  check(grant ~= nil, 'the training grant in the plain-text contract is flagged')
  if grant == nil then
    return
  end
  local line = lines[grant.lnum + 1] or ''
  local flagged = line:sub(grant.col + 1, grant.end_lnum == grant.lnum and grant.end_col or #line)
  check(grant.lnum == 4, 'on the line of the clause', 'line ' .. grant.lnum)
  check(vim.startswith(flagged, 'You agree'), 'starting exactly at its sentence, after “ — § on the same line', flagged)
  check(flagged:find('train and improve', 1, true) ~= nil, 'and covering the training purpose', flagged)

  local hover = vim.lsp.buf_request_sync(txt, 'textDocument/hover', {
    textDocument = vim.lsp.util.make_text_document_params(txt),
    position = { line = grant.lnum, character = vim.str_utfindex(line, 'utf-16', grant.col + 1) },
  }, 10000)
  local hover_text = ''
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      hover_text = hover_text .. vim.inspect(r.result.contents)
    end
  end
  check(hover_text:find('Why it matters', 1, true) ~= nil, 'hover on the finding explains the rule', hover_text:sub(1, 120))

  -- 3. Replacing the clause with the suggested language clears the finding.
  vim.api.nvim_buf_set_lines(txt, 4, 5, false, {
    '2. Licence — § 2 applies worldwide. Vendor will not use Customer Content, including inputs and outputs, to train, fine-tune or otherwise improve any artificial intelligence or machine learning model, whether its own or a third party’s.',
  })
  local cleared = vim.wait(30000, function()
    return #with_code(txt, 'ai-training/content-grant') == 0
      or vim.tbl_isempty(vim.tbl_filter(function(d)
        return d.code == 'ai-training/content-grant' and d.severity == vim.diagnostic.severity.ERROR
      end, vim.diagnostic.get(txt)))
  end, 50)
  check(cleared, 'the finding is gone once the clause carries the suggested language')
end)
if not ok then
  check(false, 'the test ran to its end', tostring(err))
end
finish()
