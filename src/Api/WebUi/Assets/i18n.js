// Vietnamese by default, English on request; the choice is remembered in this browser.
const texts = {
  vi: {
    'brand': 'Ban Tuyên giáo',
    'nav.committees': 'Tổ chức', 'nav.contests': 'Cuộc thi', 'nav.campaigns': 'Chiến dịch', 'nav.audit': 'Kiểm tra sự kiện',
    'lang.switch': 'English',
    'signIn.button': 'Đăng nhập', 'signIn.out': 'Đăng xuất', 'signIn.as': '{0} ({1})',
    'signIn.title': 'Đăng nhập', 'signIn.username': 'Tên đăng nhập', 'signIn.password': 'Mật khẩu',
    'signIn.wrong': 'Tên đăng nhập hoặc mật khẩu không đúng.',
    'signIn.locked': 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần, đến {0}. Quản trị viên có thể gửi liên kết đặt lại mật khẩu.',
    'signIn.lockedNoTime': 'Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần.',
    'signIn.ended': 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.',
    'signIn.orPassword': 'Hoặc đăng nhập bằng tài khoản của hệ thống này:',
    'signIn.ssoNoAccount': 'Hệ thống đăng nhập một lần đã xác nhận bạn, nhưng ở đây chưa có tài khoản nào mang tên đăng nhập hoặc thư điện tử của bạn. Hãy đề nghị quản trị viên tạo tài khoản.',
    'signIn.ssoFailed': 'Chưa đăng nhập được qua hệ thống đăng nhập một lần. Vui lòng thử lại hoặc đăng nhập bằng mật khẩu.',
    'signIn.needed': 'Trang này cần đăng nhập.', 'signIn.notAllowed': 'Tài khoản của bạn không có quyền xem trang này ({0}).',
    'role.Admin': 'quản trị', 'role.Officer': 'cán bộ', 'role.Organiser': 'ban tổ chức', 'role.Judge': 'giám khảo', 'role.Auditor': 'kiểm tra',
    'role.none': 'chưa được phân quyền',
    'password.title': 'Đổi mật khẩu', 'password.resetTitle': 'Đặt lại mật khẩu', 'password.current': 'Mật khẩu hiện tại',
    'password.new': 'Mật khẩu mới', 'password.confirm': 'Nhập lại mật khẩu mới', 'password.save': 'Lưu mật khẩu',
    'password.mustChange': 'Đây là lần đăng nhập đầu tiên: hãy đặt mật khẩu của riêng bạn trước khi làm việc.',
    'password.rules': 'Mật khẩu dài từ 10 đến 128 ký tự và không chứa tên đăng nhập.',
    'password.mismatch': 'Hai mật khẩu mới không giống nhau.', 'password.currentWrong': 'Mật khẩu hiện tại không đúng.',
    'password.linkUsed': 'Liên kết đã hết hạn hoặc đã được dùng: hãy đề nghị quản trị viên gửi liên kết mới.',
    'password.resetDone': 'Đã đặt mật khẩu mới. Hãy đăng nhập bằng mật khẩu đó.',
    'home.title': 'Theo dõi cuộc thi, chiến dịch và mô hình',
    'home.openContest': 'Mở cuộc thi', 'home.openCampaign': 'Mở chiến dịch', 'home.contestId': 'Mã cuộc thi', 'home.campaignId': 'Mã chiến dịch',
    'open': 'Mở',
    'committees.title': 'Hệ thống tổ chức', 'committees.members': '{0} đảng viên', 'committees.growth': 'Tăng trưởng mô hình',
    'committees.audit': 'Nhật ký', 'committees.none': 'Chưa có tổ chức nào.',
    'contest.target': 'chỉ tiêu', 'contest.accepted': 'bài dự thi', 'contest.progress': 'đạt {0} chỉ tiêu',
    'contest.over': 'vượt {0} bài', 'contest.short': 'còn thiếu {0} bài',
    'contest.byCommittee': 'Theo đơn vị', 'contest.byDay': 'Bài dự thi theo ngày', 'contest.awards': 'Giải thưởng',
    'contest.tier': 'Giải', 'contest.count': 'Số giải', 'contest.granted': 'Đã trao', 'contest.collective': 'tập thể',
    'contest.moreCommittees': 'và {0} đơn vị khác',
    'contest.viewRecorded': 'Tổ chức theo: thời điểm ghi nhận bài dự thi', 'contest.viewToday': 'Tổ chức theo: hệ thống tổ chức ngày {0}',
    'contest.showToday': 'Xem theo hệ thống tổ chức hiện nay', 'contest.showRecorded': 'Xem theo tổ chức khi ghi nhận',
    'contest.live': 'Cập nhật trực tiếp', 'contest.offline': 'Mất kết nối, đang kết nối lại…',
    'contest.timeTravel': 'Xem lại theo ngày', 'contest.asOf': 'Số liệu đến hết ngày {0}', 'contest.show': 'Xem',
    'contest.audit': 'Nhật ký sự kiện của cuộc thi', 'contest.window': 'Thời gian: {0} – {1}',
    'contest.noEntries': 'Chưa có bài dự thi.', 'contest.notAnnouncedYet': 'Ngày này cuộc thi chưa được công bố.',
    'window.NotYetOpen': 'Chưa đến thời gian nhận bài', 'window.Open': 'Đang nhận bài', 'window.Closed': 'Đã hết hạn nhận bài',
    'status.Cancelled': 'Đã hủy', 'contest.resultsPublished': 'Đã công bố kết quả',
    'campaign.Launched': 'Đang triển khai', 'campaign.Closed': 'Đã kết thúc',
    'growth.title': 'Tăng trưởng mô hình – {0}', 'growth.active': 'Đang duy trì', 'growth.new': 'Xây dựng mới',
    'growth.from': 'Từ năm', 'growth.to': 'Đến năm', 'growth.committees': '{0} tổ chức trong phạm vi',
    'campaign.participation': 'Tỷ lệ đảng viên tham gia học tập theo đơn vị', 'campaign.reports': '{0} báo cáo',
    'campaign.committee': 'Đơn vị', 'campaign.rate': 'Tỷ lệ', 'campaign.studied': 'Đã học tập', 'campaign.members': 'Đảng viên',
    'audit.title': 'Nhật ký sự kiện', 'audit.stream': 'Luồng sự kiện (ví dụ contest/KV-2023)', 'audit.version': 'Phiên bản',
    'audit.type': 'Sự kiện', 'audit.actor': 'Người ghi', 'audit.time': 'Thời điểm (giờ Việt Nam)', 'audit.more': 'Xem tiếp',
    'audit.empty': 'Không có sự kiện.', 'audit.correlation': 'Mã yêu cầu',
    'error': 'Lỗi: {0}', 'loading': 'Đang tải…',
  },
  en: {
    'brand': 'Propaganda and Education Committee',
    'nav.committees': 'Committees', 'nav.contests': 'Contests', 'nav.campaigns': 'Campaigns', 'nav.audit': 'Audit',
    'lang.switch': 'Tiếng Việt',
    'signIn.button': 'Sign in', 'signIn.out': 'Sign out', 'signIn.as': '{0} ({1})',
    'signIn.title': 'Sign in', 'signIn.username': 'Username', 'signIn.password': 'Password',
    'signIn.wrong': 'The username or the password is wrong.',
    'signIn.locked': 'The account is locked after too many wrong passwords, until {0}. An admin can send a link to reset the password.',
    'signIn.lockedNoTime': 'The account is locked after too many wrong passwords.',
    'signIn.ended': 'Your session has ended. Please sign in again.',
    'signIn.orPassword': 'Or sign in with an account of this system:',
    'signIn.ssoNoAccount': 'The single sign-on confirmed who you are, but no account here has your username or e-mail address. Ask an admin to create one.',
    'signIn.ssoFailed': 'Signing in through the single sign-on did not work. Please try again, or sign in with your password.',
    'signIn.needed': 'This page needs you to sign in.', 'signIn.notAllowed': 'Your account may not see this page ({0}).',
    'role.Admin': 'admin', 'role.Officer': 'officer', 'role.Organiser': 'organiser', 'role.Judge': 'judge', 'role.Auditor': 'auditor',
    'role.none': 'no role yet',
    'password.title': 'Change password', 'password.resetTitle': 'Set a new password', 'password.current': 'Current password',
    'password.new': 'New password', 'password.confirm': 'New password again', 'password.save': 'Save the password',
    'password.mustChange': 'This is your first sign-in: set a password of your own before you start.',
    'password.rules': 'A password is 10 to 128 characters and does not contain the username.',
    'password.mismatch': 'The two new passwords differ.', 'password.currentWrong': 'The current password is wrong.',
    'password.linkUsed': 'This link has expired or been used: ask an admin for a new one.',
    'password.resetDone': 'The new password is set. Sign in with it.',
    'home.title': 'Contests, campaigns and model programmes',
    'home.openContest': 'Open a contest', 'home.openCampaign': 'Open a campaign', 'home.contestId': 'Contest id', 'home.campaignId': 'Campaign id',
    'open': 'Open',
    'committees.title': 'Committees', 'committees.members': '{0} members', 'committees.growth': 'Model programme growth',
    'committees.audit': 'Event log', 'committees.none': 'No committees yet.',
    'contest.target': 'target', 'contest.accepted': 'entries', 'contest.progress': '{0} of the target',
    'contest.over': '{0} over', 'contest.short': '{0} to go',
    'contest.byCommittee': 'Entries by committee', 'contest.byDay': 'Entries per day', 'contest.awards': 'Awards',
    'contest.tier': 'Prize', 'contest.count': 'Prizes', 'contest.granted': 'Granted', 'contest.collective': 'collective',
    'contest.moreCommittees': 'and {0} more committees',
    'contest.viewRecorded': 'Organised as when each entry was recorded', 'contest.viewToday': 'Organised as on {0}',
    'contest.showToday': 'Show as organised today', 'contest.showRecorded': 'Show as organised when recorded',
    'contest.live': 'Live', 'contest.offline': 'Disconnected, reconnecting…',
    'contest.timeTravel': 'As of a past day', 'contest.asOf': 'Figures up to the end of {0}', 'contest.show': 'Show',
    'contest.audit': 'Event log of this contest', 'contest.window': 'Open: {0} – {1}',
    'contest.noEntries': 'No entries yet.', 'contest.notAnnouncedYet': 'The contest had not been announced by that day.',
    'window.NotYetOpen': 'Not open yet', 'window.Open': 'Open for entries', 'window.Closed': 'Closed for entries',
    'status.Cancelled': 'Cancelled', 'contest.resultsPublished': 'Results published',
    'campaign.Launched': 'Under way', 'campaign.Closed': 'Closed',
    'growth.title': 'Model programme growth – {0}', 'growth.active': 'Running', 'growth.new': 'New',
    'growth.from': 'From', 'growth.to': 'To', 'growth.committees': '{0} committees in scope',
    'campaign.participation': 'Members who took part in study, by committee', 'campaign.reports': '{0} reports',
    'campaign.committee': 'Committee', 'campaign.rate': 'Rate', 'campaign.studied': 'Studied', 'campaign.members': 'Members',
    'audit.title': 'Event log', 'audit.stream': 'Stream (for example contest/KV-2023)', 'audit.version': 'Version',
    'audit.type': 'Event', 'audit.actor': 'Recorded by', 'audit.time': 'Time (Vietnam)', 'audit.more': 'More',
    'audit.empty': 'No events.', 'audit.correlation': 'Request id',
    'error': 'Error: {0}', 'loading': 'Loading…',
  },
};

const listeners = [];

export function language() {
  return localStorage.getItem('tuyengiao.lang') === 'en' ? 'en' : 'vi';
}

export function setLanguage(lang) {
  localStorage.setItem('tuyengiao.lang', lang);
  document.documentElement.lang = lang;
  translateStatic();
  listeners.forEach(l => l(lang));
}

/** Calls back after each switch, so a view re-renders its figures in the new language without reloading them; returns the unsubscribe. */
export function onLanguageChange(listener) {
  listeners.push(listener);
  return () => listeners.splice(listeners.indexOf(listener), 1);
}

export function t(key, ...args) {
  const text = texts[language()][key] ?? texts.vi[key] ?? key;
  return args.reduce((s, a, i) => s.replace(`{${i}}`, a), text);
}

/** The page's fixed texts (header and navigation), marked with data-i18n. */
export function translateStatic() {
  document.documentElement.lang = language();
  document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  document.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
}
