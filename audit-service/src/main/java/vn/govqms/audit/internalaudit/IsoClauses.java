package vn.govqms.audit.internalaudit;

import java.util.LinkedHashMap;
import java.util.Map;

/** The clauses of TCVN ISO 9001:2015 (4.1 … 10.3 and their subclauses), with their Vietnamese titles. */
public final class IsoClauses {

    private static final Map<String, String> CLAUSES = new LinkedHashMap<>();

    static {
        put("4.1", "Hiểu tổ chức và bối cảnh của tổ chức");
        put("4.2", "Hiểu nhu cầu và mong đợi của các bên quan tâm");
        put("4.3", "Xác định phạm vi của hệ thống quản lý chất lượng");
        put("4.4", "Hệ thống quản lý chất lượng và các quá trình");
        put("4.4.1", "Hệ thống quản lý chất lượng và các quá trình");
        put("4.4.2", "Thông tin dạng văn bản về các quá trình");
        put("5.1", "Sự lãnh đạo và cam kết");
        put("5.1.1", "Khái quát");
        put("5.1.2", "Hướng vào khách hàng");
        put("5.2", "Chính sách");
        put("5.2.1", "Thiết lập chính sách chất lượng");
        put("5.2.2", "Trao đổi thông tin về chính sách chất lượng");
        put("5.3", "Vai trò, trách nhiệm và quyền hạn trong tổ chức");
        put("6.1", "Hành động giải quyết rủi ro và cơ hội");
        put("6.1.1", "Xác định rủi ro và cơ hội");
        put("6.1.2", "Hoạch định hành động giải quyết rủi ro và cơ hội");
        put("6.2", "Mục tiêu chất lượng và hoạch định để đạt được mục tiêu");
        put("6.2.1", "Thiết lập mục tiêu chất lượng");
        put("6.2.2", "Hoạch định để đạt được mục tiêu chất lượng");
        put("6.3", "Hoạch định các thay đổi");
        put("7.1", "Nguồn lực");
        put("7.1.1", "Khái quát");
        put("7.1.2", "Con người");
        put("7.1.3", "Cơ sở hạ tầng");
        put("7.1.4", "Môi trường cho việc vận hành các quá trình");
        put("7.1.5", "Nguồn lực theo dõi và đo lường");
        put("7.1.5.1", "Khái quát");
        put("7.1.5.2", "Liên kết chuẩn đo lường");
        put("7.1.6", "Tri thức của tổ chức");
        put("7.2", "Năng lực");
        put("7.3", "Nhận thức");
        put("7.4", "Trao đổi thông tin");
        put("7.5", "Thông tin dạng văn bản");
        put("7.5.1", "Khái quát");
        put("7.5.2", "Tạo và cập nhật");
        put("7.5.3", "Kiểm soát thông tin dạng văn bản");
        put("7.5.3.1", "Kiểm soát thông tin dạng văn bản");
        put("7.5.3.2", "Phân phối, tiếp cận, lưu trữ và bảo quản");
        put("8.1", "Hoạch định và kiểm soát việc thực hiện");
        put("8.2", "Yêu cầu đối với sản phẩm và dịch vụ");
        put("8.2.1", "Trao đổi thông tin với khách hàng");
        put("8.2.2", "Xác định các yêu cầu đối với sản phẩm và dịch vụ");
        put("8.2.3", "Xem xét các yêu cầu đối với sản phẩm và dịch vụ");
        put("8.2.4", "Những thay đổi đối với yêu cầu về sản phẩm và dịch vụ");
        put("8.3", "Thiết kế và phát triển sản phẩm và dịch vụ");
        put("8.3.1", "Khái quát");
        put("8.3.2", "Hoạch định thiết kế và phát triển");
        put("8.3.3", "Đầu vào thiết kế và phát triển");
        put("8.3.4", "Kiểm soát thiết kế và phát triển");
        put("8.3.5", "Đầu ra thiết kế và phát triển");
        put("8.3.6", "Thay đổi thiết kế và phát triển");
        put("8.4", "Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp");
        put("8.4.1", "Khái quát");
        put("8.4.2", "Loại hình và mức độ kiểm soát");
        put("8.4.3", "Thông tin cho nhà cung cấp bên ngoài");
        put("8.5", "Sản xuất và cung cấp dịch vụ");
        put("8.5.1", "Kiểm soát sản xuất và cung cấp dịch vụ");
        put("8.5.2", "Nhận biết và xác định nguồn gốc");
        put("8.5.3", "Tài sản của khách hàng hoặc nhà cung cấp bên ngoài");
        put("8.5.4", "Bảo toàn");
        put("8.5.5", "Hoạt động sau giao hàng");
        put("8.5.6", "Kiểm soát thay đổi");
        put("8.6", "Thông qua sản phẩm và dịch vụ");
        put("8.7", "Kiểm soát đầu ra không phù hợp");
        put("8.7.1", "Kiểm soát đầu ra không phù hợp");
        put("8.7.2", "Thông tin dạng văn bản về đầu ra không phù hợp");
        put("9.1", "Theo dõi, đo lường, phân tích và đánh giá");
        put("9.1.1", "Khái quát");
        put("9.1.2", "Sự thỏa mãn của khách hàng");
        put("9.1.3", "Phân tích và đánh giá");
        put("9.2", "Đánh giá nội bộ");
        put("9.2.1", "Đánh giá nội bộ");
        put("9.2.2", "Chương trình đánh giá");
        put("9.3", "Xem xét của lãnh đạo");
        put("9.3.1", "Khái quát");
        put("9.3.2", "Đầu vào xem xét của lãnh đạo");
        put("9.3.3", "Đầu ra xem xét của lãnh đạo");
        put("10.1", "Khái quát");
        put("10.2", "Sự không phù hợp và hành động khắc phục");
        put("10.2.1", "Sự không phù hợp và hành động khắc phục");
        put("10.2.2", "Thông tin dạng văn bản về sự không phù hợp và hành động khắc phục");
        put("10.3", "Cải tiến thường xuyên");
    }

    private IsoClauses() {
    }

    private static void put(String clause, String title) {
        CLAUSES.put(clause, title);
    }

    public static boolean exists(String clause) {
        return clause != null && CLAUSES.containsKey(clause.trim());
    }

    public static String title(String clause) {
        return CLAUSES.get(clause);
    }
}
