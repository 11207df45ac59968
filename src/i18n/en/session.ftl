# Logging in and the start page.

login-title = Log in
login-lead = Log in with your Lägesbild account.
login-failed-heading = Login failed
login-username = Username
login-password = Password
login-submit = Log in
login-failed = Wrong username or password. Check the spelling and try again.
login-throttled = Too many failed login attempts. Wait { $minutes } { $minutes ->
    [one] minute
   *[other] minutes
} and try again, or contact the administrator.

home-title = Start page
home-heading = Welcome to Lägesbild
home-lead = This is where the agencies' anonymised observations of identity misuse are brought together into a joint knowledge and situation report.
home-submissions = Report your agency's observations for a period.
home-review = Accept or return submissions that agencies have sent in.
home-dashboard = Trends in accepted data by quarter.
home-references = Figures from other published situation reports, with their sources.
home-notices = New types of fraud, modus operandi, risk indicators, vulnerabilities and good practice.
home-ministry = Here you will find the knowledge and situation reports that the Swedish National ID-center has approved and published:
home-ministry-link = Published situation reports
