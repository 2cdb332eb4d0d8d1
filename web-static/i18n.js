// Every word the browser UI shows, in Japanese and English, in one place. Elements name
// their text with data-i18n (text), data-i18n-label (aria-label) or data-i18n-placeholder;
// apply() fills them, so switching language is one pass over the page. Texts that come from
// the server (an item's next step, a reviewer's note) are already in the profile's language.

const STRINGS = {
	ja: {
		'app.name': 'Access Desk',
		'skip': '本文へスキップ',
		'lang.choose': '言語を選択してください',
		'nav.signout': 'サインアウト',
		'nav.review': '確認待ちの一覧',
		'nav.registry': '登録データの取り込み',
		'nav.profile': 'アカウント プロファイル',
		'nav.main': 'メニュー',
		'who': '{name} さん',
		'intro': '契約番号・請求先 ID・製品シリアル番号をアカウントに関連付けて、サポートのアクセス権を取得します。',

		'signin.title': 'サインイン',
		'signin.email': 'メールアドレス',
		'signin.password': 'パスワード',
		'signin.submit': 'サインイン',
		'signin.failed': 'メールアドレスまたはパスワードが正しくありません。',
		'signin.signedOut': 'サインアウトしました。',
		'signin.noAccount': 'アカウントをお持ちでない場合は、',
		'signin.signupLink': '新規登録してください',
		'signin.busy': 'サインインしています…',

		'signin.forgot': 'パスワードをお忘れの方',
		'signin.throttled': '間違ったパスワードが続いたため、しばらくサインインできません。時間をおいてもう一度お試しいただくか、パスワードを再設定してください。',
		'signin.signedOutEverywhere': 'すべてのブラウザーからサインアウトしました。',
		'signin.passwordReset': 'パスワードを再設定しました。新しいパスワードでサインインしてください。',

		'verify.title': 'メールアドレスの確認',
		'verify.busy': 'メールアドレスを確認しています…',
		'verify.done': 'メールアドレスを確認しました。すべての機能をご利用いただけます。',
		'verify.toProfile': 'アカウント プロファイルへ',
		'verify.invalid': 'このリンクは使えません。すでに使用済みか、新しいリンクが送られたか、有効期限（24 時間）が切れています。',
		'verify.askAgain': 'サインインして、プロファイルの画面から確認メールを再送してください。',
		'verify.banner': 'メールアドレスの確認が済んでいません。お送りしたメールのリンクを開いてください。確認が済むまでは、プロフィールの編集のみご利用いただけます。',
		'verify.resend': '確認メールを再送する',
		'verify.resent': '{email} に確認メールを送りました。以前のリンクは使えなくなります。',
		'verify.already': 'メールアドレスはすでに確認済みです。ページを再読み込みしてください。',
		'verify.tooMany': '確認メールの再送が続いています。しばらくしてからもう一度お試しください。',

		'reset.title': 'パスワードの再設定',
		'reset.requestIntro': 'ご登録のメールアドレスを入力してください。パスワードを再設定するためのリンクをお送りします。',
		'reset.requestSubmit': 'リンクを送る',
		'reset.sent': 'このメールアドレスのアカウントがあれば、パスワード再設定のリンクをお送りしました。リンクは 1 時間、一度だけ使えます。',
		'reset.confirmIntro': '新しいパスワードを入力してください。すべてのブラウザーでサインアウトされます。',
		'reset.newPassword': '新しいパスワード',
		'reset.again': '新しいパスワード（確認）',
		'reset.mismatch': '確認のパスワードが一致しません。',
		'reset.confirmSubmit': 'パスワードを設定する',
		'reset.invalid': 'このリンクは使えません。すでに使用済みか、新しいリンクが送られたか、有効期限（1 時間）が切れています。もう一度リンクをお申し込みください。',
		'reset.backToSignIn': 'サインインの画面に戻る',

		'password.heading': 'パスワードの変更',
		'password.current': '現在のパスワード',
		'password.new': '新しいパスワード',
		'password.newHelp': '12 文字以上で入力してください。変更すると、ほかのブラウザーはサインアウトされます。',
		'password.submit': 'パスワードを変更する',
		'password.changed': 'パスワードを変更しました。ほかのブラウザーのセッションはサインアウトしました。',
		'password.wrongCurrent': '現在のパスワードが正しくありません。',
		'sessions.heading': 'すべてのブラウザーからサインアウト',
		'sessions.help': 'このアカウントでサインインしているすべてのブラウザー（このブラウザーを含む）からサインアウトします。API トークンは引き続き使えます。',
		'sessions.signOutEverywhere': 'すべてのブラウザーからサインアウトする',

		'signup.title': '新規登録',
		'signup.name': '氏名',
		'signup.email': 'メールアドレス',
		'signup.password': 'パスワード',
		'signup.passwordHelp': '12 文字以上で入力してください。',
		'signup.language': 'ご希望の言語',
		'signup.companyName': '会社名（任意）',
		'signup.companyAddress': '会社住所（任意）',
		'signup.companyHelp': '会社名・会社住所が登録されていないと、アクセス権は承認されません。個人でご利用の場合は、会社名を「Private Use」、住所をご自宅で登録してください。',
		'signup.submit': '登録する',
		'signup.taken': 'このメールアドレスはすでに登録されています。サインインしてください。',
		'signup.haveAccount': 'すでにアカウントをお持ちの場合は、',
		'signup.signinLink': 'サインインしてください',

		'profile.title': 'アカウント プロファイル',
		'profile.tabs': 'プロファイルの項目',
		'tab.personal': '個人プロフィール',
		'tab.company': '会社/組織',
		'tab.access': 'その他のアクセス',
		'tab.preferences': '設定条件',
		'sub.tabs': 'アクセス権の種類',
		'sub.contracts': 'サービス契約',
		'sub.ordering': '直接購入',

		'personal.heading': '個人プロフィール',
		'personal.name': '氏名',
		'personal.email': 'メールアドレス（サインインに使います。変更できません）',
		'personal.roles': 'ロール',
		'company.heading': '会社/組織',
		'company.name': '会社名',
		'company.address': '会社住所',
		'company.help': '個人でご利用の場合は、会社名を「Private Use」、住所をご自宅で登録してください。',
		'company.incomplete': '会社名・会社住所が登録されていないため、アクセス権は承認されません。',
		'company.completeLink': '会社名・会社住所を登録する',
		'company.backToAccess': 'アクセス権の追加に戻る',
		'preferences.heading': '設定条件',
		'preferences.language': 'ご希望の言語（画面とメール）',
		'save': '保存',
		'saved': '保存しました。',

		'role.USER': 'ユーザ',
		'role.CONTRACT_ADMIN': '契約管理者',
		'role.VENDOR_REVIEWER': '当社 契約登録担当者',
		'role.OPERATOR': '運用担当者',

		'access.heading': 'フル サポートとダウンロードのみのアクセス権',
		'access.intro': 'どのようなアクセス権が必要ですか？ アカウントに貴社のサービス契約、請求先 ID、または製品のシリアル番号を関連付けて、フル サポートのアクセス権またはダウンロードのみのアクセス権を追加してください。',
		'access.add': 'アクセス権の追加',
		'add.kindLegend': '必要なアクセス権を選択してください',
		'add.full': 'TAC および RMA ケースの作成、ソフトウェア ダウンロード、サポート ツール、および権限付きコンテンツ（フル サポート）',
		'add.fullHelp': '契約番号を登録し、保守契約のサポートを当社から受けます。当社から直接テクニカル サポートを得る契約の場合は、こちらを選択してください。',
		'add.download': 'ソフトウェア ダウンロード、サポート ツール、および権限付きコンテンツ（ダウンロードのみ）',
		'add.downloadHelp': 'パートナー様からサポートを受ける契約で、ソフトウェア ダウンロード権限のみを依頼します。製品ご購入元の契約管理者が確認のうえ登録します。',
		'add.whichHint': '※当社から直接テクニカル サポートを得る契約（SMARTnet など）の場合は、フル サポートを選択してください。ダウンロードのみを依頼すると「貴社の契約管理者が見つかりません」と表示されます。',
		'add.fullIntro': 'フル テクニカル サポートのアクセス権がサービス契約に含まれている場合、リクエストは貴社の契約管理者に送信されます。契約番号に基づいて契約管理者に転送されるか、可能な場合は自動的に承認されます。',
		'add.downloadIntro': 'ダウンロードにサービス契約が必要な場合は、貴社の契約管理者による承認が必要です。',
		'add.orderingIntro': '貴社の請求先 ID または契約番号へのアクセス権をリクエストすると、当社の注文ツールで注文を作成・送信できるようになります。契約番号は、サービス契約の内容を確認するためのものです。',
		'add.orderingHelp': '請求先 ID（フル サポート アクセスを含まない）は、当社の担当者が確認のうえご連絡します。',
		'add.typeLegend': '番号の種類',
		'add.billToHelp': '請求先 ID がある場合は、そちらを使用してください。契約されているすべての契約からサポートにアクセスできます。',
		'add.numbers': '番号',
		'add.numbersHelp': '複数ある場合は、カンマ（,）区切りまたは改行で入力してください（最大 50 件）。貼り付けもできます。',
		'add.justification': '補足事項（任意）',
		'add.justificationHelp': '確認する担当者に伝えたいことがあれば入力してください（1000 文字まで）。',
		'add.autoRetry': '契約番号が発行されて間もない場合は、48 時間後に自動で再リクエストする',
		'add.terms': '［送信］をクリックすると、該当するすべての当社サービスの説明の条項を確認し、同意したことになります。',
		'add.submit': '送信',
		'add.close': '閉じる',
		'add.submitting': '送信しています…',
		'add.submitted': '{count} 件をリクエストしました。ステータスは下に表示されます。',
		'add.numbersMissing': '番号を入力してください。',
		'add.ordering': '請求先 ID または契約番号でリクエスト',
		'form.required': 'この項目を入力してください。',
		'form.email': 'メールアドレスの形式で入力してください。',

		'kind.FULL_SUPPORT': 'フル サポート',
		'kind.DOWNLOAD_ONLY': 'ダウンロードのみ',
		'kind.ORDERING': '直接購入',
		'type.BILL_TO': '請求先 ID',
		'type.CONTRACT': '契約番号',
		'type.SERIAL': '製品のシリアル番号',

		'cards.heading': 'リクエストのステータス',
		'cards.empty': 'リクエストはまだありません。',
		'status.APPROVED': 'Approved — 完了',
		'status.PENDING_ADMIN': 'Pending — 契約管理者による確認待ち',
		'status.PENDING_VENDOR': 'Pending — 当社による確認待ち',
		'status.DENIED': 'Denied — 登録不可',
		'status.WITHDRAWN': '取り下げ済み',
		'status.REVOKED': '削除済み',
		'status.EXPIRED': '期限切れ',
		'reason.AUTO_APPROVED': '登録が完了しました。',
		'reason.AWAITING_ADMIN': 'この番号を管理している契約管理者が確認しています。',
		'reason.COMPANY_MISMATCH': 'アカウントの会社名が、契約上の契約先企業と一致しません。',
		'reason.NO_ADMIN': 'この番号には契約管理者が登録されていないため、当社が確認します。',
		'reason.ORDERING_REVIEW': '直接購入のアクセス権は当社が確認します。',
		'reason.PROFILE_INCOMPLETE': 'アカウントに会社名・会社住所の登録がありません。',
		'reason.NOT_FOUND': '番号が存在しないか、有効ではありません。',
		'reason.TOO_NEW': '契約番号が発行されて間もないため、まだ登録できません。',
		'reason.ALREADY_REGISTERED': 'すでに登録済み、またはリクエスト済みです。',
		'reason.ADMIN_NOT_FOUND': '貴社の契約管理者が見つかりません。',
		'reason.FULL_SUPPORT_NOT_INCLUDED': 'フル サポートのアクセス権は含まれていません。',
		'reason.DECIDED_BY_ADMIN': '貴社の契約管理者が判断しました。',
		'reason.DECIDED_BY_VENDOR': '当社の契約登録担当者が判断しました。',
		'reason.ESCALATED': '当社の契約登録担当者に確認を依頼しました。',
		'reason.WITHDRAWN': 'リクエストを取り下げました。',
		'reason.REMOVED': 'アクセス権を削除しました。',
		'reason.REVOKED': 'アクセス権が取り消されました。',
		'reason.EXPIRED': '期限内に確認されませんでした。',
		'reason.AUTO_RETRY': '自動で再リクエストしました。',
		'card.reason': '理由',
		'card.nextStep': '次に行っていただくこと',
		'card.deciders': '確認する契約管理者',
		'card.deadline': '回答予定',
		'card.retryAfter': '再リクエストできる日時',
		'card.note': '担当者からのコメント',
		'card.requested': 'リクエスト日時',
		'card.withdraw': '取り下げる',
		'card.escalate': '当社に確認を依頼する',
		'card.remove': 'アクセス権を削除する',
		'card.completeProfile': '会社名・会社住所を登録する',
		'card.requestFull': 'フル サポートをリクエストする',
		'card.requestDownload': 'ダウンロードのみをリクエストする',
		'card.useOrdering': '直接購入からリクエストする',

		'live.changed': '{identifier}：{status}',
		'live.down': 'ステータスの自動更新が中断しています。再接続しています…',

		'table.fullHeading': 'フル サポートのアクセス権',
		'table.fullNote': 'ダウンロード権限のみの契約は表示されません。',
		'table.contract': '契約番号',
		'table.billTo': '請求先 ID',
		'table.admins': '管理者に連絡してください',
		'table.identifier': '番号',
		'table.type': '種類',
		'table.since': '登録日',
		'table.actions': '操作',
		'table.filterPlaceholder': '-Filter-',
		'table.filterContract': '契約番号で絞り込み',
		'table.filterBillTo': '請求先 ID で絞り込み',
		'table.filterAdmin': '管理者で絞り込み',
		'table.empty': '該当するアクセス権はありません。',
		'table.count': '{count} 件',
		'table.billToNote': '※「請求先 ID」は、登録している場合にのみ表示されます。',
		'table.adminNote': '※契約の内容については、「管理者に連絡してください」からではなく、直接ご購入元へお問い合わせください。',
		'table.downloadHeading': 'ダウンロードのみのアクセス権',
		'table.orderingHeading': '直接購入のアクセス権',
		'table.csv': 'CSV でダウンロード',
		'table.removeLabel': '{identifier} のアクセス権を削除する',

		'review.title': '確認待ちの一覧',
		'review.adminQueue': '契約管理者として確認するリクエスト',
		'review.vendorQueue': '当社の契約登録担当者として確認するリクエスト',
		'review.empty': '確認待ちのリクエストはありません。',
		'review.noRole': 'この画面は、契約管理者と当社の契約登録担当者のための画面です。',
		'review.requester': '依頼者',
		'review.contractCompany': '契約先企業',
		'review.justification': '補足事項',
		'review.waiting': '確認待ちになった日時',
		'review.deadline': '回答期限',
		'review.overdue': '期限超過',
		'review.reason': '登録不可の理由（登録不可にする場合は必須。依頼者に表示されます）',
		'review.comment': 'コメント（任意。依頼者に表示されます）',
		'review.approve': '承認する',
		'review.deny': '登録不可にする',
		'review.reasonRequired': '登録不可にする場合は、依頼者が対応できる理由を入力してください。',
		'review.done': '判断を登録しました（{status}）。',
		'review.conflict': 'この項目は、すでにほかの担当者が判断しました（現在のステータス: {status}）。',
		'review.decidedBy': '{actor} さんがステータスを「{status}」に変更しました。',
		'review.changed': 'この項目は、確認待ちではなくなりました（現在のステータス: {status}）。',
		'review.dismiss': '一覧から消す',
		'review.new': '新しいリクエストが届きました：{identifier}',

		'registry.title': '登録データの取り込み',
		'registry.noRole': 'この画面は運用担当者のための画面です。',
		'registry.intro': 'CSV（一覧を 1 つ選択）または JSON のファイルを取り込みます。大きなファイルはバックグラウンドで取り込まれ、進み具合がここに表示されます。',
		'registry.file': 'ファイル',
		'registry.list': 'CSV の一覧',
		'registry.upload': '取り込む',
		'registry.job': '取り込みの状況',
		'registry.rowsRead': '読み込んだ行',
		'registry.rowsWritten': '書き込んだ行',
		'registry.state.RUNNING': '取り込み中（{phase}）',
		'registry.state.SUCCEEDED': '完了しました。',
		'registry.state.FAILED': '取り込めませんでした。何も書き込まれていません。',
		'registry.phase.READING': '読み込み中',
		'registry.phase.CHECKING': '参照を確認中',
		'registry.phase.MERGING': '反映中',
		'registry.phase.DONE': '終了',

		'error.generic': '処理できませんでした。時間をおいてもう一度お試しください。',
		'error.network': 'サーバーに接続できません。接続を確認してください。',
		'error.INVALID_IDENTIFIER': '形式が正しくない番号があります：{detail}',
		'error.ESCALATION_TOO_EARLY': '契約管理者の回答期限がまだ過ぎていないため、当社への確認依頼はまだできません。',
		'error.STATUS_CHANGED': 'ステータスがすでに変わっています。最新の状態を表示しました。',
		'error.KIND_TYPE_MISMATCH': 'このアクセス権は、この種類の番号ではリクエストできません。',
		'error.VALIDATION_FAILED': '入力内容を確認してください：{detail}',
		'error.CSRF_REJECTED': '画面の有効期限が切れました。ページを再読み込みしてください。',
		'error.EMAIL_UNVERIFIED': 'メールアドレスの確認が済んでいないため、この操作はできません。お送りしたメールのリンクを開いてください。',
		'error.RATE_LIMITED': '操作が続いたため、しばらくお待ちください。時間をおいてもう一度お試しください。',
	},
	en: {
		'app.name': 'Access Desk',
		'skip': 'Skip to main content',
		'lang.choose': 'Choose your language',
		'nav.signout': 'Sign out',
		'nav.review': 'Review queue',
		'nav.registry': 'Registry import',
		'nav.profile': 'Account profile',
		'nav.main': 'Menu',
		'who': '{name}',
		'intro': 'Link service contracts, Bill-to IDs and product serial numbers to your account to get support access.',

		'signin.title': 'Sign in',
		'signin.email': 'Email',
		'signin.password': 'Password',
		'signin.submit': 'Sign in',
		'signin.failed': 'The email or password is not right.',
		'signin.signedOut': 'You have signed out.',
		'signin.noAccount': 'No account yet? ',
		'signin.signupLink': 'Sign up',
		'signin.busy': 'Signing in…',

		'signin.forgot': 'Forgot your password?',
		'signin.throttled': 'Too many wrong passwords: signing in is paused for a while. Try again later, or reset your password.',
		'signin.signedOutEverywhere': 'You have signed out of every browser.',
		'signin.passwordReset': 'Your password has been reset. Sign in with the new one.',

		'verify.title': 'Confirm your email address',
		'verify.busy': 'Confirming your email address…',
		'verify.done': 'Your email address is confirmed. Everything is open to you now.',
		'verify.toProfile': 'Go to your account profile',
		'verify.invalid': 'This link does not work: it was used already, a newer one was sent, or it expired (links work for 24 hours).',
		'verify.askAgain': 'Sign in and send yourself a new link from your profile.',
		'verify.banner': 'Your email address is not confirmed yet. Please open the link in the mail we sent you. Until then you can only edit your profile.',
		'verify.resend': 'Send the confirmation mail again',
		'verify.resent': 'We sent a new confirmation mail to {email}. Earlier links no longer work.',
		'verify.already': 'Your email address is confirmed already. Please reload the page.',
		'verify.tooMany': 'Several confirmation mails were sent already. Please try again later.',

		'reset.title': 'Reset your password',
		'reset.requestIntro': 'Enter the email address of your account. We will send you a link to choose a new password.',
		'reset.requestSubmit': 'Send the link',
		'reset.sent': 'If an account has this email address, a link to reset its password is on its way. It works once, for an hour.',
		'reset.confirmIntro': 'Choose a new password. Every browser will be signed out.',
		'reset.newPassword': 'New password',
		'reset.again': 'New password, once more',
		'reset.mismatch': 'The two passwords are not the same.',
		'reset.confirmSubmit': 'Set the password',
		'reset.invalid': 'This link does not work: it was used already, a newer one was sent, or it expired (links work for an hour). Please ask for a new one.',
		'reset.backToSignIn': 'Back to sign in',

		'password.heading': 'Change your password',
		'password.current': 'Current password',
		'password.new': 'New password',
		'password.newHelp': 'At least 12 characters. Other browsers are signed out when you change it.',
		'password.submit': 'Change password',
		'password.changed': 'Your password has been changed. Other browsers have been signed out.',
		'password.wrongCurrent': 'The current password is not right.',
		'sessions.heading': 'Sign out everywhere',
		'sessions.help': 'Signs this account out of every browser, this one included. API tokens keep working.',
		'sessions.signOutEverywhere': 'Sign out of every browser',

		'signup.title': 'Sign up',
		'signup.name': 'Name',
		'signup.email': 'Email',
		'signup.password': 'Password',
		'signup.passwordHelp': 'At least 12 characters.',
		'signup.language': 'Preferred language',
		'signup.companyName': 'Company name (optional)',
		'signup.companyAddress': 'Company address (optional)',
		'signup.companyHelp': 'Without a company name and address no access can be approved. Private customers: enter "Private Use" as company name and your home address.',
		'signup.submit': 'Create account',
		'signup.taken': 'This email address is already registered. Please sign in.',
		'signup.haveAccount': 'Already have an account? ',
		'signup.signinLink': 'Sign in',

		'profile.title': 'Account profile',
		'profile.tabs': 'Profile sections',
		'tab.personal': 'Personal profile',
		'tab.company': 'Company/Organization',
		'tab.access': 'Additional Access',
		'tab.preferences': 'Preferences',
		'sub.tabs': 'Kinds of access',
		'sub.contracts': 'Service contracts',
		'sub.ordering': 'Direct purchase',

		'personal.heading': 'Personal profile',
		'personal.name': 'Name',
		'personal.email': 'Email (used to sign in; cannot be changed)',
		'personal.roles': 'Roles',
		'company.heading': 'Company/Organization',
		'company.name': 'Company name',
		'company.address': 'Company address',
		'company.help': 'Private customers: enter "Private Use" as company name and your home address.',
		'company.incomplete': 'Your profile has no company name or address, so no access can be approved.',
		'company.completeLink': 'Add company name and address',
		'company.backToAccess': 'Back to adding access',
		'preferences.heading': 'Preferences',
		'preferences.language': 'Preferred language (screens and mail)',
		'save': 'Save',
		'saved': 'Saved.',

		'role.USER': 'User',
		'role.CONTRACT_ADMIN': 'Contract administrator',
		'role.VENDOR_REVIEWER': 'Our contract desk',
		'role.OPERATOR': 'Operator',

		'access.heading': 'Full support and download-only access',
		'access.intro': 'What access do you need? Link your company\'s service contracts, Bill-to IDs or product serial numbers to your account to add full support or download-only access.',
		'access.add': 'Add access',
		'add.kindLegend': 'Which access do you need?',
		'add.full': 'TAC and RMA case creation, software downloads, support tools and entitled content (full support)',
		'add.fullHelp': 'Register your contract and get support under it from us. Choose this when the contract gives you technical support directly from us.',
		'add.download': 'Software downloads, support tools and entitled content (download only)',
		'add.downloadHelp': 'For contracts where a partner delivers support: asks for download access only. Your company\'s contract administrator confirms it.',
		'add.whichHint': 'If your contract gives you technical support directly from us (SMARTnet-type contracts), choose full support. Asking for download-only access on such a contract ends in "No contract administrator found".',
		'add.fullIntro': 'If your service contract includes full technical support, the request goes to your company\'s contract administrators, chosen by the contract number, or is approved at once where possible.',
		'add.downloadIntro': 'If downloads need a service contract, your company\'s contract administrator must approve.',
		'add.orderingIntro': 'Request access to your company\'s Bill-to IDs or contract numbers to create and submit orders in our ordering tools. Contract numbers let you view contracts.',
		'add.orderingHelp': 'Our contract desk checks Bill-to IDs without full support access and answers by email.',
		'add.typeLegend': 'Type of number',
		'add.billToHelp': 'If you have a Bill-to ID, use it: it covers every contract under it.',
		'add.numbers': 'Numbers',
		'add.numbersHelp': 'Several? Separate them with commas or new lines (up to 50). Pasting a list works.',
		'add.justification': 'Justification (optional)',
		'add.justificationHelp': 'Anything the reviewer should know (up to 1000 characters).',
		'add.autoRetry': 'If the contract is too new, submit it again automatically after 48 hours',
		'add.terms': 'By clicking Submit you confirm that you have read and accept the terms of all applicable service descriptions.',
		'add.submit': 'Submit',
		'add.close': 'Close',
		'add.submitting': 'Submitting…',
		'add.submitted': 'Requested {count}. The status of each is shown below.',
		'add.numbersMissing': 'Enter at least one number.',
		'add.ordering': 'Request by Bill-to ID or contract number',
		'form.required': 'Please fill this in.',
		'form.email': 'Please enter an email address.',

		'kind.FULL_SUPPORT': 'Full support',
		'kind.DOWNLOAD_ONLY': 'Download only',
		'kind.ORDERING': 'Direct purchase',
		'type.BILL_TO': 'Bill-to ID',
		'type.CONTRACT': 'Contract number',
		'type.SERIAL': 'Product serial number',

		'cards.heading': 'Request status',
		'cards.empty': 'No requests yet.',
		'status.APPROVED': 'Approved',
		'status.PENDING_ADMIN': 'Pending — contract administrator',
		'status.PENDING_VENDOR': 'Pending — our contract desk',
		'status.DENIED': 'Denied',
		'status.WITHDRAWN': 'Withdrawn',
		'status.REVOKED': 'Removed',
		'status.EXPIRED': 'Expired',
		'reason.AUTO_APPROVED': 'Registered.',
		'reason.AWAITING_ADMIN': 'The contract administrators of this number are checking it.',
		'reason.COMPANY_MISMATCH': 'The company on your account does not match the contract\'s company.',
		'reason.NO_ADMIN': 'This number has no contract administrator, so our contract desk checks it.',
		'reason.ORDERING_REVIEW': 'Our contract desk checks ordering access.',
		'reason.PROFILE_INCOMPLETE': 'Your profile has no company name or address.',
		'reason.NOT_FOUND': 'The number is unknown or not active.',
		'reason.TOO_NEW': 'The contract was issued too recently to be registered yet.',
		'reason.ALREADY_REGISTERED': 'Already registered or requested.',
		'reason.ADMIN_NOT_FOUND': 'No contract administrator of your company was found.',
		'reason.FULL_SUPPORT_NOT_INCLUDED': 'Full support access is not included.',
		'reason.DECIDED_BY_ADMIN': 'Decided by your company\'s contract administrator.',
		'reason.DECIDED_BY_VENDOR': 'Decided by our contract desk.',
		'reason.ESCALATED': 'Passed to our contract desk.',
		'reason.WITHDRAWN': 'You withdrew the request.',
		'reason.REMOVED': 'You removed this access.',
		'reason.REVOKED': 'This access was revoked.',
		'reason.EXPIRED': 'Nobody decided in time.',
		'reason.AUTO_RETRY': 'Submitted again automatically.',
		'card.reason': 'Reason',
		'card.nextStep': 'What to do next',
		'card.deciders': 'Contract administrators deciding',
		'card.deadline': 'Answer expected by',
		'card.retryAfter': 'Can be submitted again from',
		'card.note': 'Note from the reviewer',
		'card.requested': 'Requested',
		'card.withdraw': 'Withdraw',
		'card.escalate': 'Ask our contract desk',
		'card.remove': 'Remove access',
		'card.completeProfile': 'Add company name and address',
		'card.requestFull': 'Request full support instead',
		'card.requestDownload': 'Request download-only instead',
		'card.useOrdering': 'Use Direct purchase',

		'live.changed': '{identifier}: {status}',
		'live.down': 'Live status updates are interrupted; reconnecting…',

		'table.fullHeading': 'Full support access',
		'table.fullNote': 'Download-only contracts are not shown.',
		'table.contract': 'Contract number',
		'table.billTo': 'Bill-to ID',
		'table.admins': 'Contact administrators',
		'table.identifier': 'Number',
		'table.type': 'Type',
		'table.since': 'Since',
		'table.actions': 'Actions',
		'table.filterPlaceholder': '-Filter-',
		'table.filterContract': 'Filter by contract number',
		'table.filterBillTo': 'Filter by Bill-to ID',
		'table.filterAdmin': 'Filter by administrator',
		'table.empty': 'No access matches.',
		'table.count': '{count} shown',
		'table.billToNote': 'The Bill-to ID is shown only where one is registered.',
		'table.adminNote': 'For questions about the contract itself, contact whoever sold it to you rather than the administrators.',
		'table.downloadHeading': 'Download-only access',
		'table.orderingHeading': 'Direct purchase access',
		'table.csv': 'Download as CSV',
		'table.removeLabel': 'Remove access for {identifier}',

		'review.title': 'Review queue',
		'review.adminQueue': 'Waiting for you as contract administrator',
		'review.vendorQueue': 'Waiting for our contract desk',
		'review.empty': 'Nothing is waiting for you.',
		'review.noRole': 'This page is for contract administrators and our contract desk.',
		'review.requester': 'Requested by',
		'review.contractCompany': 'Contract\'s company',
		'review.justification': 'Justification',
		'review.waiting': 'Waiting since',
		'review.deadline': 'Deadline',
		'review.overdue': 'Overdue',
		'review.reason': 'Reason for denying (required to deny; the requester sees it)',
		'review.comment': 'Comment (optional; the requester sees it)',
		'review.approve': 'Approve',
		'review.deny': 'Deny',
		'review.reasonRequired': 'To deny, give a reason the requester can act on.',
		'review.done': 'Done: {status}.',
		'review.conflict': 'Someone else decided this item first (it is now {status}).',
		'review.decidedBy': '{actor} changed it to {status}.',
		'review.changed': 'This item no longer waits for you (it is now {status}).',
		'review.dismiss': 'Dismiss',
		'review.new': 'New request: {identifier}',

		'registry.title': 'Registry import',
		'registry.noRole': 'This page is for operators.',
		'registry.intro': 'Import a CSV file (choose its list) or a JSON file. Large files are imported in the background and their progress is shown here.',
		'registry.file': 'File',
		'registry.list': 'List (CSV)',
		'registry.upload': 'Import',
		'registry.job': 'Import',
		'registry.rowsRead': 'Rows read',
		'registry.rowsWritten': 'Rows written',
		'registry.state.RUNNING': 'Running ({phase})',
		'registry.state.SUCCEEDED': 'Done.',
		'registry.state.FAILED': 'Not imported; nothing was written.',
		'registry.phase.READING': 'reading',
		'registry.phase.CHECKING': 'checking references',
		'registry.phase.MERGING': 'merging',
		'registry.phase.DONE': 'ended',

		'error.generic': 'That did not work. Please try again in a moment.',
		'error.network': 'Cannot reach the service. Check your connection.',
		'error.INVALID_IDENTIFIER': 'Some numbers are not in the right form: {detail}',
		'error.ESCALATION_TOO_EARLY': 'Your contract administrators still have time to answer, so this cannot be passed to our contract desk yet.',
		'error.STATUS_CHANGED': 'The status has already changed; the latest is shown.',
		'error.KIND_TYPE_MISMATCH': 'This kind of access cannot be requested with this type of number.',
		'error.VALIDATION_FAILED': 'Please check what you entered: {detail}',
		'error.CSRF_REJECTED': 'This page has expired. Please reload it.',
		'error.EMAIL_UNVERIFIED': 'Please confirm your email address first: open the link in the mail we sent you.',
		'error.RATE_LIMITED': 'That was a lot in a short time. Please wait a moment and try again.',
	},
};

const STORAGE_KEY = 'accessdesk.language';

let current = initialLanguage();

function initialLanguage() {
	const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
	if (stored === 'ja' || stored === 'en') {
		return stored;
	}
	// Japanese is the service's default (SPEC §2); English for browsers that ask for it.
	return (navigator.language || 'ja').toLowerCase().startsWith('en') ? 'en' : 'ja';
}

function safeStorage(action) {
	try {
		return action();
	}
	catch {
		return null;
	}
}

export function language() {
	return current;
}

/** Sets the language, remembers it in this browser and rewrites every labelled element. */
export function setLanguage(lang) {
	if (lang !== 'ja' && lang !== 'en') {
		return;
	}
	current = lang;
	safeStorage(() => localStorage.setItem(STORAGE_KEY, lang));
	apply(document);
}

export function t(key, params = {}) {
	const text = STRINGS[current][key] ?? STRINGS.ja[key] ?? key;
	return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function has(key) {
	return key in STRINGS[current];
}

/** Fills every element under root that names its text. */
export function apply(root) {
	if (root === document) {
		document.documentElement.lang = current;
	}
	for (const element of root.querySelectorAll('[data-i18n]')) {
		element.textContent = t(element.dataset.i18n, params(element));
	}
	for (const element of root.querySelectorAll('[data-i18n-label]')) {
		element.setAttribute('aria-label', t(element.dataset.i18nLabel, params(element)));
	}
	for (const element of root.querySelectorAll('[data-i18n-placeholder]')) {
		element.setAttribute('placeholder', t(element.dataset.i18nPlaceholder));
	}
	for (const element of root.querySelectorAll('[data-i18n-title]')) {
		document.title = `${t(element.dataset.i18nTitle)} — Access Desk`;
	}
	for (const button of root.querySelectorAll('[data-lang]')) {
		button.setAttribute('aria-pressed', String(button.dataset.lang === current));
	}
}

function params(element) {
	return element.dataset.i18nArgs ? JSON.parse(element.dataset.i18nArgs) : {};
}

/** Dates and times in the reader's language, in their own time zone. */
export function dateTime(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
		.format(new Date(iso));
}

export function date(iso) {
	if (!iso) {
		return '';
	}
	return new Intl.DateTimeFormat(current === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));
}
