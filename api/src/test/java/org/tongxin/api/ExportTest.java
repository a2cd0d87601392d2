package org.tongxin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Session;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.domain.export.CjkFont;

/** Path diagrams and the case-file document of a lead. */
class ExportTest {

    private static Http http;
    private static String ref;

    @BeforeAll
    static void city() throws Exception {
        http = TestCity.get().http;
        ref = LeadStore.ref(LeadApiTest.firstKey("guardianship"));
    }

    @Test
    void theSvgIsTheSamePictureEveryTimeWithTheSubjectLeftOfTheSourceRecords() {
        Http.Response a = http.get("/api/leads/" + ref + "/diagram.svg");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(a.header("Content-Disposition")).contains("attachment");
        assertThat(http.get("/api/leads/" + ref + "/diagram.svg").text()).isEqualTo(a.text());
        String svg = a.text();
        assertThat(svg).doesNotContain("<script").contains("人员").contains("data-kind=\"Record\"");
        assertThat(RawIds.in(svg)).as("raw identity number in the SVG").isFalse();
        Matcher subject = Pattern.compile("<rect x=\"(\\d+)\"[^>]*stroke=\"#c0392b\"").matcher(svg);
        assertThat(subject.find()).as("the subject is drawn").isTrue();
        int subjectX = Integer.parseInt(subject.group(1));
        List<Integer> recordXs = new ArrayList<>();
        Matcher records = Pattern.compile("data-kind=\"Record\">\\s*<rect x=\"(\\d+)\"").matcher(svg);
        while (records.find()) {
            recordXs.add(Integer.parseInt(records.group(1)));
        }
        assertThat(recordXs).isNotEmpty().allSatisfy(x -> assertThat(x).isGreaterThan(subjectX));
    }

    @Test
    void thePngIsAPictureOfTheSameLayoutAtTwiceTheSize() throws Exception {
        Http.Response png = http.get("/api/leads/" + ref + "/diagram.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).startsWith("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.bytes()));
        Matcher size = Pattern.compile("width=\"(\\d+)\" height=\"(\\d+)\"").matcher(http.get("/api/leads/" + ref + "/diagram.svg").text());
        assertThat(size.find()).isTrue();
        assertThat(img.getWidth()).isEqualTo(2 * Integer.parseInt(size.group(1)));
        assertThat(img.getHeight()).isEqualTo(2 * Integer.parseInt(size.group(2)));
    }

    /** Without a CJK font Java draws every Han character as the same empty box; with one, different characters differ. */
    @Test
    void chineseIsDrawnAsGlyphsNotBoxes() {
        Font font = CjkFont.find().orElseThrow(() -> new AssertionError(CjkFont.missingMessage()));
        BufferedImage tong = glyph(font, "童");
        BufferedImage xin = glyph(font, "心");
        assertThat(inkPixels(tong)).isGreaterThan(30);
        assertThat(differentPixels(tong, xin)).as("two different characters drawn differently").isGreaterThan(30);
        Font plain = new Font(Font.DIALOG, Font.PLAIN, 1);
        if (plain.canDisplayUpTo("童心") != -1) {
            assertThat(differentPixels(glyph(plain, "童"), glyph(plain, "心"))).as("Java's own font draws boxes").isZero();
        }
    }

    @Test
    void theCaseFileHasTitleRulesArticleTextDiagramAndTheEvidenceRowsWithTheirSources() throws Exception {
        Http.Response r = http.get("/api/leads/" + ref + "/casefile.docx");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        int evidence = http.get("/api/leads/" + ref).json().get("evidence").size();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.bytes()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
            assertThat(text).contains("未成年人检察监督线索材料").contains("R7.")
                    .contains("未成年人保护法 第一百一十八条：未成年人的父母或者其他监护人不依法履行监护职责");
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(doc.getTables()).hasSize(1);
            var table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(evidence + 1);
            String rows = table.getText();
            assertThat(rows).contains(".csv 第").contains("行");
            assertThat(RawIds.in(rows + text)).as("raw identity number in the document").isFalse();
        }
    }

    /**
     * What a reviewer checks before a case file leaves the office: who sends it and its number, dates written the
     * Chinese way, datasets by their titles and records by their numbers, no NULL cells, no rule codes in the
     * summary, a school's unit code as it is and no identity number in clear.
     */
    @Test
    void theCaseFileIsFitToSend() throws Exception {
        String withNull;
        String bus;
        try (Session s = TestCity.get().store.driver().session()) {
            withNull = s.run("MATCH (l:Lead)-[:EVIDENCE]->(r:Record) WHERE r.raw CONTAINS 'NULL' "
                    + "RETURN l.ref AS r ORDER BY l.key LIMIT 1").single().get("r").asString();
            bus = s.run("MATCH (l:Lead {model: 'school-bus'})-[:EVIDENCE]->(r:Record {dataset: 'edu_school_buses'}) "
                    + "RETURN l.ref AS r ORDER BY l.key LIMIT 1").single().get("r").asString();
        }
        for (String lead : List.of(ref, withNull, bus)) {
            Http.Response r = http.get("/api/leads/" + lead + "/casefile.docx");
            assertThat(r.status()).isEqualTo(200);
            try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(r.bytes()))) {
                List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
                String text = String.join("\n", paragraphs);
                String rows = doc.getTables().get(0).getText();
                assertThat(paragraphs.get(0)).isEqualTo(TestCity.UNIT_NAME);
                assertThat(text).containsPattern("牟检未线〔20\\d{2}〕[1-9]\\d*号")
                        .containsPattern("首次发现：20\\d{2}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}\n")
                        .contains("数据截至：" + TestCity.AS_OF.getYear() + "年" + TestCity.AS_OF.getMonthValue() + "月"
                                + TestCity.AS_OF.getDayOfMonth() + "日");
                assertThat(paragraphs.stream().filter(p -> p.startsWith("线索摘要：")).findFirst().orElseThrow())
                        .doesNotContainPattern("R\\d\\.\\d");
                assertThat(rows).contains("记录编号：").doesNotContainPattern("[a-z]+_[a-z_]+:");
                assertThat(text + rows).doesNotContainPattern("(?i)(?<![a-z])null(?![a-z])")
                        .doesNotContainPattern("\\d{2}:\\d{2}:\\d{2}\\.\\d");
                assertThat(RawIds.in(rows + text)).as("raw identity number in the document").isFalse();
                if (lead.equals(bus)) {
                    assertThat(rows).contains("教育 · 校车登记").containsPattern("学校代码：52\\d{15}[0-9A-Z]");
                }
            }
        }
    }

    @Test
    void exportsOfAnUnknownLeadAre404AndOfAMalformedReference400() {
        assertThat(http.get("/api/leads/0000000000000000/diagram.svg").status()).isEqualTo(404);
        assertThat(http.get("/api/leads/not-a-ref/casefile.docx").status()).isEqualTo(400);
    }

    private static BufferedImage glyph(Font font, String s) {
        BufferedImage img = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.fillRect(0, 0, 48, 48);
        g.setColor(java.awt.Color.BLACK);
        g.setFont(font.deriveFont(36f));
        g.drawString(s, 4, 40);
        g.dispose();
        return img;
    }

    private static int inkPixels(BufferedImage img) {
        int n = 0;
        for (int x = 0; x < img.getWidth(); x++) {
            for (int y = 0; y < img.getHeight(); y++) {
                n += (img.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
            }
        }
        return n;
    }

    private static int differentPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int x = 0; x < a.getWidth(); x++) {
            for (int y = 0; y < a.getHeight(); y++) {
                n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
            }
        }
        return n;
    }
}
