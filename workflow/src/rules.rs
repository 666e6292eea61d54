//! Stable rule ids of every refusal and finding of the lifecycles, with their
//! default severity, titles in English and Vietnamese, and the legal text each
//! rule comes from (described in the repository's `docs/workflow.md`).
//!
//! A [`WorkflowError`](crate::WorkflowError) names one of these rules; a
//! lenient replay ([`replay_lenient`](crate::replay_lenient),
//! [`check_log`](crate::monitor::check_log)) turns each refusal and each
//! missed deadline into a [`Finding`](vanthu_identifiers::Finding) of its
//! rule. Compliance harnesses key on the ids: they never change meaning.

pub use vanthu_identifiers::Rule;

vanthu_identifiers::catalogue! {
    /// Events of a log are applied in time order.
    ORDER = ("WF-LOG-001", Error, "the event is older than the previous event of the log", "sự kiện có thời điểm sớm hơn sự kiện trước trong nhật ký", "vanthu docs/workflow.md §7");
    /// One case id names one document, and events name a known case.
    CASE = ("WF-LOG-002", Error, "case id unknown or already used", "mã văn bản chưa có hoặc đã được dùng", "vanthu docs/workflow.md §7");
    /// One account per person; a disabled account stays in the history and
    /// cannot act.
    ACCOUNT = ("WF-ACT-001", Error, "unknown, duplicate or disabled account", "tài khoản không có, bị trùng hoặc đã bị khóa", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 13 khoản 3 điểm a");
    /// Leaders may delegate assigning, issuing and signing for a window of time.
    DELEGATION = ("WF-ACT-002", Error, "no role and no valid delegation for the action", "không có vai trò và không được ủy quyền hợp lệ để thực hiện", "Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 17 khoản 4");
    /// An incoming document arrives once; its time of receipt is recorded and
    /// status 01 is sent.
    IN_ARRIVED = ("WF-IN-001", Error, "an incoming document arrives once", "văn bản đến chỉ được tiếp nhận một lần", "Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 6; Quyết định 28/2018/QĐ-TTg Điều 5");
    /// An invalid or misaddressed document is returned with a reason (status 02).
    IN_RETURN = ("WF-IN-002", Error, "a document is returned before registration, with a reason", "văn bản bị trả lại trước khi vào sổ và phải nêu lý do", "Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm b; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 2");
    /// An accepted document is registered in the incoming register (status 03).
    IN_REGISTER = ("WF-IN-003", Error, "only an arrived document is registered", "chỉ văn bản đã tiếp nhận mới được vào sổ", "Nghị định 30/2020/NĐ-CP Điều 22; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 2; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 10 khoản 1");
    /// The leader names the lead unit, the co-operating units and each one's
    /// deadline (status 04).
    IN_ASSIGN = ("WF-IN-004", Error, "assignment needs a registered document, a lead, and a deadline for each unit", "phân công cần văn bản đã vào sổ, đơn vị chủ trì và thời hạn cho từng đơn vị", "Nghị định 30/2020/NĐ-CP Điều 23 khoản 2, khoản 4; Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Phụ lục 2 mục II.1; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 3; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 11, Điều 12");
    /// Handling starts and completes in order (status 05, 06).
    IN_PROCESS = ("WF-IN-005", Error, "handling starts after assignment and completes once", "xử lý bắt đầu sau khi phân công và chỉ hoàn thành một lần", "Nghị định 30/2020/NĐ-CP Điều 24; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 14, Điều 15; Quyết định 28/2018/QĐ-TTg Điều 5");
    /// A recall notice cancels the document in the system and the sender is told.
    IN_RECALL = ("WF-IN-006", Error, "a recall is answered once, and a refusal gives a reason", "yêu cầu thu hồi chỉ được trả lời một lần, từ chối phải nêu lý do", "Nghị định 30/2020/NĐ-CP Điều 18 khoản 4; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 4");
    /// An update (business type 2) or replacement (3) is answered with 15 or 16.
    IN_CHANGE = ("WF-IN-007", Error, "an update or replacement is answered once, with 15 (agreed) or 16 (refused, with a reason)", "yêu cầu cập nhật hoặc thay thế chỉ được trả lời một lần, bằng mã 15 (đồng ý) hoặc 16 (từ chối, nêu lý do)", "Quyết định 28/2018/QĐ-TTg Điều 5; vanthu docs/workflow.md §4");
    /// The same document received electronically and on paper is registered once.
    IN_PAPER = ("WF-IN-008", Error, "the same document received electronically and on paper has one registration", "cùng một văn bản nhận bản điện tử và bản giấy chỉ được vào sổ một lần", "Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 3; Nghị định 30/2020/NĐ-CP Điều 22 khoản 2");
    /// The head of the lead unit gives the document to a person with a deadline.
    IN_HANDLER = ("WF-IN-009", Error, "the head of the lead unit assigns a handler and a deadline", "lãnh đạo đơn vị chủ trì giao người xử lý và thời hạn", "Nghị định 30/2020/NĐ-CP Phụ lục IV; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 12");
    /// Under local rules that forbid it, a recall cannot be refused: the
    /// receiver cancels the document and tells the sender
    /// ([`Policy::recall_refusal`](crate::Policy::recall_refusal)).
    IN_RECALL_REFUSED = ("WF-IN-010", Error, "the agency's rules do not allow refusing a recall: the recalled document is cancelled", "quy chế của cơ quan không cho phép từ chối thu hồi: văn bản bị thu hồi phải được hủy bỏ", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 9 khoản 4; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 9 khoản 4");
    /// A document marked secret (Mật, Tối mật, Tuyệt mật) is handled outside
    /// the electronic system: it is neither received nor issued through it.
    SECRET = ("WF-SEC-001", Error, "a document marked secret is not received or issued electronically", "văn bản có dấu chỉ độ mật không được tiếp nhận hoặc phát hành qua hệ thống điện tử", "Luật Bảo vệ bí mật nhà nước 2018; Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Điều 7; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 1");
    /// Drafts are submitted by their drafter, reviewed and approved.
    OUT_DRAFT = ("WF-OUT-001", Error, "drafting, review and approval happen in order", "soạn thảo, kiểm tra và phê duyệt theo đúng trình tự", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 1, khoản 2; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 13");
    /// An approved draft is signed by the competent person.
    OUT_SIGN = ("WF-OUT-002", Error, "the competent person signs an approved draft", "người có thẩm quyền ký dự thảo đã được phê duyệt", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 3 khoản 1");
    /// A paper document is issued electronically as a digitised copy made by
    /// the clerk and signed by the agency alone.
    OUT_DIGITISE = ("WF-OUT-009", Error, "a digitised copy of a paper document is made by the clerk and signed by the agency alone", "bản số hóa từ văn bản giấy do văn thư thực hiện và chỉ ký số của cơ quan", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 4 khoản 2, Điều 11 khoản 3 điểm d; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 14 khoản 4");
    /// Number and date come from the register, after the competent person signs.
    OUT_NUMBER = ("WF-OUT-003", Error, "number and date are given by the register after signing", "số và ngày văn bản do sổ cấp sau khi ký", "Nghị định 30/2020/NĐ-CP Điều 15; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 2; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 13 khoản 2");
    /// The clerk signs for the agency after the competent person and after numbering.
    OUT_AGENCY_SIGN = ("WF-OUT-004", Error, "the agency signs only after the competent person", "văn thư ký số của cơ quan chỉ sau người có thẩm quyền", "Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 17 khoản 4 điểm c");
    /// Never send the same document twice to the same recipient.
    OUT_ISSUE = ("WF-OUT-005", Error, "a document is issued once to each recipient, after both signatures", "văn bản chỉ được phát hành một lần cho mỗi nơi nhận, sau khi có đủ hai chữ ký số", "Quyết định 4556/QĐ-UBND (TP.HCM, 2017) Phụ lục 2 mục III.2; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.2");
    /// Status feedback comes from a recipient of an issued document.
    OUT_STATUS = ("WF-OUT-006", Error, "status feedback comes from a recipient of the issued document", "phản hồi trạng thái phải đến từ nơi nhận văn bản đã phát hành", "Quyết định 28/2018/QĐ-TTg Điều 5; Quyết định 71/QĐ-UBND (quận Phú Nhuận, 2018) Phụ lục 2 mục III.2; Quyết định 182/QĐ-LĐTBXH (Sở LĐTBXH Quảng Nam, 2019) Điều 14, Điều 15");
    /// A recall notifies every recipient; the original is frozen.
    OUT_RECALL = ("WF-OUT-007", Error, "a recall needs an issued document and a reason; the original is frozen", "thu hồi cần văn bản đã phát hành và lý do; bản gốc không được thay đổi", "Nghị định 30/2020/NĐ-CP Điều 18 khoản 4; Nghị định 30/2020/NĐ-CP Phụ lục VI; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 3 điểm e");
    /// Content errors are replaced by a document of the same form, format
    /// errors corrected by a công văn.
    OUT_CHANGE = ("WF-OUT-008", Error, "replacement or correction of an issued document follows the rules", "thay thế hoặc đính chính văn bản đã phát hành theo đúng quy định", "Nghị định 30/2020/NĐ-CP Điều 18 khoản 3; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 11 khoản 3 điểm b; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 14 khoản 2");
    /// Numbers start at 01 each 1 January, without gaps or reuse, one series
    /// per register, shared by the paper and the electronic form.
    REGISTER = ("WF-REG-001", Error, "register numbers run from 01 each year without gaps or reuse", "số trong sổ đăng ký bắt đầu từ 01 mỗi năm, liên tục, không trùng, không bỏ số", "Nghị định 30/2020/NĐ-CP Điều 15 khoản 1; Nghị định 30/2020/NĐ-CP Điều 22 khoản 2");
    /// An arrived document was not registered or returned, and the sender not
    /// told, the same working day.
    DUE_ACKNOWLEDGE = ("WF-DUE-001", Error, "receipt not acknowledged by its deadline", "không thông báo đã nhận văn bản trong thời hạn", "Nghị định 30/2020/NĐ-CP Điều 21 khoản 2 điểm c; Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 10 khoản 1 điểm c");
    /// An assigned document was not handled by the leader's deadline.
    DUE_HANDLE = ("WF-DUE-002", Error, "document not handled by its deadline", "văn bản không được xử lý trong thời hạn", "Nghị định 30/2020/NĐ-CP Điều 24 khoản 2");
    /// A signed document was not issued the signing day or by the next
    /// working day (urgent ones: immediately).
    DUE_ISSUE = ("WF-DUE-003", Error, "signed document not issued by its deadline", "văn bản đã ký không được phát hành trong thời hạn", "Nghị định 30/2020/NĐ-CP Điều 18 khoản 1; Quy chế văn bản điện tử (tỉnh Nam Định, 2021) Điều 5 khoản 2");
    /// A recipient has not confirmed receipt within the chase window.
    DUE_NOT_RECEIVED = ("WF-DUE-004", Warning, "recipient has not accepted the document within 3 working days: chase it", "nơi nhận chưa tiếp nhận văn bản sau 3 ngày làm việc: cần đôn đốc", "Quyết định 3760/QĐ-UBND (TP.HCM, 2021) Điều 16 khoản 8");
}
