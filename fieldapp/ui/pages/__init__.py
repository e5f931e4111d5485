"""The main window's pages: 台账, 走访, 待办, 补贴, 打印, 同步, 报表, 设置."""
