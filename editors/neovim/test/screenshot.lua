-- For test/screenshot.sh: once the diagnostics are in, put the licence finding of the bundled
-- example on screen with its explanation open, then tell the script (a marker file) to capture.
vim.diagnostic.config({ virtual_text = { prefix = '●' }, underline = true, severity_sort = true, float = { border = 'rounded', source = true, max_width = 90 } })
vim.opt.number = true
vim.opt.wrap = true
vim.opt.linebreak = true
vim.opt.laststatus = 2
vim.opt.showmode = false

-- The finding to show: the broad licence over the customer's content (an error), if it is there.
local function ready()
  local errors = vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR })
  for _, d in ipairs(errors) do
    if d.code == 'data-rights/broad-license' then
      return d
    end
  end
end

local started = vim.uv.now()
local timer = vim.uv.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  local d = ready()
  if d == nil and vim.uv.now() - started < 60000 then
    return
  end
  timer:stop()
  if d ~= nil then
    vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
    vim.cmd('normal! zt')
    vim.cmd('normal! 3\25')
  end
  -- After the cursor's own CursorMoved has fired, or it would close the float at once.
  vim.defer_fn(function()
    if d ~= nil then
      vim.diagnostic.open_float({ scope = 'line' })
    end
    vim.defer_fn(function()
      vim.fn.writefile({ d and 'ok' or 'timeout' }, os.getenv('CLAUSELINT_READY'))
    end, 300)
  end, 300)
end))
