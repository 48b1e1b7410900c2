-- Neovim (headless) as a real LSP client of `cascade-tidy --lsp`: for each file named in
-- CASCADE_TIDY_FILES (relative to CASCADE_TIDY_ROOT), open it, wait for the server's
-- diagnostics, ask for code actions at the first finding that has a fix, apply the preferred
-- quick fix's WorkspaceEdit, write the buffer, and wait until the diagnostics of that finding
-- are gone. Prints one line per step; exits non-zero on any failure (test/lsp/neovim.test).
local root = os.getenv('CASCADE_TIDY_ROOT')
local server = os.getenv('CASCADE_TIDY')
local files = vim.split(os.getenv('CASCADE_TIDY_FILES') or '', ',', { trimempty = true })

local function say(text)
  io.stdout:write(text .. '\n')
  io.stdout:flush()
end

local function fail(text)
  say('FAIL: ' .. text)
  vim.cmd('cquit 1')
end

local function run()
  local client_id = vim.lsp.start_client({
    name = 'cascade-tidy',
    cmd = { server, '--lsp' },
    root_dir = root,
  })
  if not client_id then
    return fail('the server did not start')
  end
  for _, rel in ipairs(files) do
    vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
    local buf = vim.api.nvim_get_current_buf()
    vim.lsp.buf_attach_client(buf, client_id)
    local found = vim.wait(20000, function()
      return #vim.diagnostic.get(buf) > 0
    end, 20)
    if not found then
      return fail(rel .. ': no diagnostics')
    end
    local diags = vim.diagnostic.get(buf)
    table.sort(diags, function(a, b)
      return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
    end)
    say(rel .. ': ' .. #diags .. ' diagnostics')
    -- The first finding with a preferred quick fix.
    local chosen, action
    for _, d in ipairs(diags) do
      local lsp_diag = d.user_data and d.user_data.lsp or {}
      local params = {
        textDocument = { uri = vim.uri_from_bufnr(buf) },
        range = {
          start = { line = d.lnum, character = d.col },
          ['end'] = { line = d.end_lnum or d.lnum, character = d.end_col or d.col },
        },
        context = { diagnostics = { lsp_diag } },
      }
      local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
      for _, reply in pairs(replies or {}) do
        for _, a in ipairs(reply.result or {}) do
          if a.isPreferred and a.kind == 'quickfix' and not action then
            chosen, action = d, a
          end
        end
      end
      if action then
        break
      end
    end
    if not action then
      return fail(rel .. ': no preferred quick fix')
    end
    say(rel .. ': line ' .. (chosen.lnum + 1) .. ': ' .. chosen.message)
    say(rel .. ': applying "' .. action.title .. '"')
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    vim.cmd('write')
    local line = chosen.lnum
    local message = chosen.message
    local gone = vim.wait(20000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.lnum == line and d.message == message then
          return false
        end
      end
      return true
    end, 20)
    if not gone then
      return fail(rel .. ': the diagnostic is still there after the fix')
    end
    say(rel .. ': fixed; ' .. #vim.diagnostic.get(buf) .. ' diagnostics left')
  end
  vim.lsp.stop_client(client_id)
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
