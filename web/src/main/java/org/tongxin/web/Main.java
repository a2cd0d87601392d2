package org.tongxin.web;

import org.tongxin.web.cli.TongxinCommand;

/** Entry point of the {@code tongxin} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TongxinCommand.run(args));
    }
}
