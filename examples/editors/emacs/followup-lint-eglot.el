;;; followup-lint-eglot.el --- followup-lint in Emacs through eglot  -*- lexical-binding: t; -*-

;; Eglot is built into Emacs 29 (and on GNU ELPA for Emacs 26.3 and later).
;; Load this file from your init file, then run M-x eglot in a draft, or let the hook do it.
;; The server must be on `exec-path' (`pipx install .' in a checkout of followup-lint).

(require 'eglot)

;; The languageId eglot sends comes from the major mode ("text", "markdown", "message");
;; followup-lint lints "mail", "plaintext", "text" and "markdown", so message-mode and
;; mail-mode buffers are announced as "mail".
(add-to-list 'eglot-server-programs
             '(((message-mode :language-id "mail")
                (mail-mode :language-id "mail")
                (text-mode :language-id "plaintext")
                (markdown-mode :language-id "markdown"))
               . ("followup-lint" "lsp"
                  :initializationOptions (:failOn "warning"))))

;; Sent with workspace/didChangeConfiguration; change it and run M-x eglot-signal-didChangeConfiguration.
(setq-default eglot-workspace-configuration
              '(:followup-lint (:failOn "warning" :ignore ["emoji"])))

;; Start the server for drafts automatically (remove the hooks you do not want).
(add-hook 'message-mode-hook #'eglot-ensure)
(add-hook 'mail-mode-hook #'eglot-ensure)
(add-to-list 'auto-mode-alist '("\\.eml\\'" . message-mode))

;; Fixes and actions: M-x eglot-code-actions; the rule's explanation: M-x eldoc.

(provide 'followup-lint-eglot)
;;; followup-lint-eglot.el ends here
