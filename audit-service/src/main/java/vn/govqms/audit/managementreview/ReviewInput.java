package vn.govqms.audit.managementreview;

import vn.govqms.kit.text.Label;
import vn.govqms.kit.text.Labelled;

/** The inputs a management review considers (ISO 9001:2015, 9.3.2). */
public enum ReviewInput implements Labelled {
    @Label("Tình trạng của các hành động từ những lần xem xét trước") PREVIOUS_ACTIONS,
    @Label("Những thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến HTQLCL") CONTEXT_CHANGES,
    @Label("Sự thỏa mãn của người dân, tổ chức và phản hồi của các bên quan tâm") SATISFACTION_AND_FEEDBACK,
    @Label("Mức độ đạt được các mục tiêu chất lượng") OBJECTIVES_ACHIEVEMENT,
    @Label("Kết quả thực hiện các quá trình và sự phù hợp của dịch vụ") PROCESS_PERFORMANCE,
    @Label("Sự không phù hợp và hành động khắc phục") NONCONFORMITIES_AND_ACTIONS,
    @Label("Kết quả theo dõi và đo lường") MONITORING_RESULTS,
    @Label("Kết quả đánh giá") AUDIT_RESULTS,
    @Label("Kết quả thực hiện của nhà cung cấp bên ngoài") EXTERNAL_PROVIDERS,
    @Label("Sự đầy đủ của nguồn lực") RESOURCES,
    @Label("Hiệu lực của các hành động giải quyết rủi ro và cơ hội") RISKS_AND_OPPORTUNITIES,
    @Label("Các cơ hội cải tiến") IMPROVEMENT_OPPORTUNITIES;
}
