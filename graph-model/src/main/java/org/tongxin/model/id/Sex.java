package org.tongxin.model.id;

/** Sex as written in identity numbers and department files. */
public enum Sex {
    MALE("男"), FEMALE("女");

    private final String zh;

    Sex(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public static Sex fromZh(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip()) {
            case "男", "男性", "1" -> MALE;
            case "女", "女性", "2" -> FEMALE;
            default -> null;
        };
    }
}
