package vn.govqms.audit.review;

/** The inputs a management review considers (ISO 9001:2015, 9.3.2). */
public enum ReviewInput {
    PREVIOUS_ACTIONS("Tình trạng của các hành động từ những lần xem xét trước"),
    CONTEXT_CHANGES("Những thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến HTQLCL"),
    SATISFACTION_AND_FEEDBACK("Sự thỏa mãn của người dân, tổ chức và phản hồi của các bên quan tâm"),
    OBJECTIVES_ACHIEVEMENT("Mức độ đạt được các mục tiêu chất lượng"),
    PROCESS_PERFORMANCE("Kết quả thực hiện các quá trình và sự phù hợp của dịch vụ"),
    NONCONFORMITIES_AND_ACTIONS("Sự không phù hợp và hành động khắc phục"),
    MONITORING_RESULTS("Kết quả theo dõi và đo lường"),
    AUDIT_RESULTS("Kết quả đánh giá"),
    EXTERNAL_PROVIDERS("Kết quả thực hiện của nhà cung cấp bên ngoài"),
    RESOURCES("Sự đầy đủ của nguồn lực"),
    RISKS_AND_OPPORTUNITIES("Hiệu lực của các hành động giải quyết rủi ro và cơ hội"),
    IMPROVEMENT_OPPORTUNITIES("Các cơ hội cải tiến");

    private final String label;

    ReviewInput(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
