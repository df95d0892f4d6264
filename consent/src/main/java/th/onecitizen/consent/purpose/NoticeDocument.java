package th.onecitizen.consent.purpose;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import th.onecitizen.consent.config.ConsentProperties;

/**
 * The full notice a citizen is shown (s23): the purpose's text plus every structured field and the controller's and
 * DPO's contacts. Its SHA-256 is the text hash a consent binds to, so a change to any shown field changes the hash.
 */
public final class NoticeDocument {

    static final String RIGHTS_TH = "ท่านมีสิทธิเข้าถึง ขอรับสำเนา โอนย้าย คัดค้าน ลบ ระงับการใช้ และแก้ไขข้อมูลส่วนบุคคล "
            + "และถอนความยินยอมได้ทุกเมื่อ (มาตรา 19, 30-36) และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล";
    static final String RIGHTS_EN = "You may access, obtain a copy of, port, object to, erase, restrict and correct your "
            + "personal data, withdraw consent at any time (sections 19, 30-36) and complain to the PDPC office.";

    private NoticeDocument() {
    }

    /** The notice as shown in {@code language} ({@code th} or {@code en}). */
    public static String render(Purpose p, String title, String body, String refusalEffect, String language,
            ConsentProperties.Controller controller) {
        boolean th = "th".equals(language);
        StringBuilder sb = new StringBuilder();
        sb.append(title).append('\n').append(body).append('\n');
        sb.append(th ? "ฐานทางกฎหมาย: " : "Lawful basis: ").append(p.basis().code());
        if (p.legalRef() != null) {
            sb.append(" (").append(p.legalRef()).append(')');
        }
        sb.append('\n').append(th ? "จำเป็นตาม: " : "Required by: ").append(p.requiredBy()).append('\n');
        sb.append(th ? "ผลของการไม่ให้ข้อมูล: " : "Effect of not giving it: ").append(refusalEffect).append('\n');
        sb.append(th ? "ประเภทข้อมูล: " : "Data categories: ").append(String.join(", ", new TreeSet<>(p.categories())))
                .append('\n');
        sb.append(th ? "ระยะเวลาเก็บรักษา (วัน): " : "Retention (days): ").append(p.retentionDays()).append('\n');
        sb.append(th ? "ผู้รับข้อมูล: " : "Recipients: ").append(p.agencyId()).append(" / ")
                .append(String.join(", ", p.recipients())).append('\n');
        sb.append(th ? "การส่งข้อมูลไปต่างประเทศ: " : "Transfer abroad: ").append(p.crossBorder().code());
        if (p.crossBorderCountry() != null) {
            sb.append(" (").append(p.crossBorderCountry()).append(')');
        }
        sb.append('\n').append(th ? "ผู้ควบคุมข้อมูล: " : "Controller: ").append(controller.name()).append(", ")
                .append(controller.contact()).append('\n');
        sb.append(th ? "เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล: " : "Data protection officer: ")
                .append(controller.dpoContact()).append('\n');
        sb.append(th ? RIGHTS_TH : RIGHTS_EN);
        return sb.toString();
    }

    /** Lowercase hex SHA-256 of UTF-8 text. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
